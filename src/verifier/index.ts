export { createPeselVerifier, type PeselVerifierOptions } from './createPeselVerifier.js';
export { constantTimeEqual } from './constantTimeEqual.js';
export { normalizeVerdict, type Verifier, type VerifierVerdict } from './types.js';
