/**
 * safecall-pl — outbound call-center verification as a tested, auditable
 * state machine: what an agent desktop imports. Sessions render each step of
 * the call; the verification service (`safecall-pl/server`) decides every
 * check, behind `httpVerifier`.
 *
 * @packageDocumentation
 */

// Sessions: one call, driven by the desktop.
export { createCallSession, restoreCallSession } from './session/index.js';
export type { CallSession, CallSessionDeps, SessionNotice, RestoreOptions, CallSnapshot, CallSnapshotInput, ReadonlyCallActor, CallMachine } from './session/index.js';
export { connectKeypad } from './session/keypad.js';
export type { KeypadSource, KeypadEvent, KeypadOptions, KeypadDropReason } from './session/keypad.js';

// Scripts: validated, frozen data.
export { defineScript } from './script/index.js';
export type { CallScript, CallScriptInput } from './script/index.js';

// What the desktop renders and sends.
export { actionEvent } from './prompts/index.js';
export type { PromptStep, PromptAction, PromptInput, PromptReply } from './prompts/index.js';
export type { SessionEventInput, SessionEventType, StepId, CallOutcome, OutcomeKind, FailureCause, RefusedPosition, RefusalReason, Locale, Form } from './model/index.js';

// The verification service, as the desktop reaches it.
export { httpVerifier } from './client/index.js';
export type { HttpVerifierOptions } from './client/index.js';
export type { Verifier, CallState, CallbackPlanner, CallbackSlot, AuditEvent, AuditSink } from './model/index.js';

// The PESEL toolkit (also alone as `safecall-pl/pesel`).
export { isValidPesel, parsePesel, maskPesel, challengeStrength, pickChallenge } from './pesel/index.js';
export type { ThreatModel } from './pesel/index.js';

// Errors and host ports.
export { SafecallError, isSafecallError } from './core/errors.js';
export type { SafecallErrorCode, SafecallIssue } from './core/errors.js';
export type { Clock } from './core/clock.js';
export type { RandomSource } from './core/random.js';
