export { SafecallError, isSafecallError, type SafecallErrorCode, type SafecallIssue } from './errors.js';
export { cryptoRandom, randomInt, type RandomSource } from './random.js';
export { systemClock, type Clock } from './clock.js';
export { parseOrThrow, toIssues, formatIssues } from './validate.js';
