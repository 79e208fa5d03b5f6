import { checkScript, exampleScript } from './checkScript.js';

// examples/scripts/vip-substitute.json: every path keeps DESIGN §4, every persona ends as expected.
checkScript(exampleScript('vip-substitute'));
