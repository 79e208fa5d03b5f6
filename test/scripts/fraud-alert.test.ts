import { checkScript, exampleScript } from './checkScript.js';

// examples/scripts/fraud-alert.json: every path keeps DESIGN §4, every persona ends as expected —
// for the challenge a first call is issued, and for one of the last positions, which overlap what a
// customer asks back in mutual verification ("tell me the last three digits").
checkScript(exampleScript('fraud-alert'), { challenges: [[9, 10, 11]] });
