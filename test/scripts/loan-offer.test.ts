import { checkScript, exampleScript } from './checkScript.js';

// examples/scripts/loan-offer.json: every path keeps DESIGN §4, every persona ends as expected.
checkScript(exampleScript('loan-offer'));
