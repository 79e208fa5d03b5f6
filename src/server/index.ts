/**
 * safecall-pl/server — the verification service: it holds the secrets' lookups,
 * issues challenges, counts attempts across calls and servers, decides every
 * answer and reveal, attests outcomes; plus its stores and HTTP handler.
 * Node ≥ 20 and fetch-style runtimes (Web Crypto, `Request`/`Response`).
 *
 * @packageDocumentation
 */
export { createVerificationService, type VerificationService, type VerificationServiceOptions, type CallStatus } from './service.js';
export { verificationHandler, type VerificationHandlerOptions, type VerifierOperation } from './handler.js';
export { verifyAttestation, attestationSchema, type Attestation } from './attestation.js';
export { verificationPolicySchema, parseVerificationPolicy, type VerificationPolicy, type VerificationPolicyInput } from './policy.js';
export type { CustomerDirectory } from './customers.js';
export type { ServiceEvent } from './events.js';
export { memoryStore, type MemoryStoreOptions } from './store/memoryStore.js';
export { redisStore, type RedisStoreOptions, type RedisScriptClient } from './store/redisStore.js';
export type { VerificationStore, StoreResult, BeginResult, AttemptTicket, AttemptLimits, Verdict } from './store/types.js';
export type { LedgerRecord, CallRecord } from './store/records.js';
export type { CallState, CallOutcome, Verifier, OpenCallRequest, RevealResult } from '../model/index.js';
