/**
 * The PESEL toolkit: validation, parsing, masking, and choosing which digits to
 * ask on the phone. Pure and browser-safe (entry `safecall/pesel`, also
 * re-exported from `safecall`).
 *
 * @packageDocumentation
 */
export { isValidPesel } from './isValidPesel.js';
export { parsePesel, type ParsedPesel } from './parsePesel.js';
export type { PeselSex } from './decode.js';
export { maskPesel, type MaskPeselOptions } from './maskPesel.js';
export { challengeStrength } from './challengeStrength.js';
export type { ThreatModel } from './threat.js';
export { pickChallenge, type PickChallengeOptions } from './pickChallenge.js';
export { SafecallError, isSafecallError, type SafecallErrorCode } from '../core/errors.js';
export type { RandomSource } from '../core/random.js';
