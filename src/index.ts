/**
 * safecall — outbound call-center verification as a tested, auditable state
 * machine: partial PESEL challenges, mutual verification, safe callbacks.
 *
 * @packageDocumentation
 */
export * from './core/index.js';
export * from './pesel/index.js';
export * from './script/index.js';
export * from './prompts/index.js';
export * from './callback/index.js';
export * from './session/index.js';
export * from './verifier/index.js';
export * from './audit/index.js';
