/**
 * Text folding. `foldText` is the light fold that compares answers (case and
 * Polish diacritics); `foldForLint` is the heavy one the unsafe-text lint
 * matches on (look-alike letters, invisible characters, spelled-apart
 * letters, digits for letters). One job per file under `./text/`.
 */
export { foldText, foldForLint, lintReadings, DIGIT_READINGS, type DigitReading } from './text/index.js';
