export { foldText } from './foldText.js';
export { foldForLint, lintReadings, DIGIT_READINGS, type DigitReading } from './foldForLint.js';
export { stripInvisible } from './invisible.js';
export { latinizeLookAlikes } from './lookAlikes.js';
export { joinSpelledLetters } from './spelledApart.js';
export { joinAcronymEndings } from './acronymEndings.js';
export { readDigitsAsLetters } from './digitsAsLetters.js';
