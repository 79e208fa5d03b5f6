/**
 * The shared vocabulary of safecall, written once: step ids, outcomes, causes,
 * refusals, positions, the verification service's call state and port, the
 * session's events, callback policy and planning port, audit events. Every
 * other folder imports these; nothing here imports them.
 */
export { positionSchema, positionsSchema } from './positions.js';
export { LOCALES, localeSchema, formSchema, type Locale, type Form } from './locale.js';
export { STEP_IDS, stepIdSchema, MAIN_STEP_IDS, OVERRIDABLE_STEPS, verifierTaskSchema, type StepId, type MainStepId, type VerifierTask, type OverridableStep } from './steps.js';
export {
  failureCauseSchema,
  refusalReasonSchema,
  refusedPositionSchema,
  callbackRefusalSchema,
  scheduledCallbackSchema,
  failedReasonSchema,
  willCallBackReasonSchema,
  callOutcomeSchema,
  OUTCOME_KINDS,
  outcomeKindSchema,
  type FailureCause,
  type RefusalReason,
  type RefusedPosition,
  type CallbackRefusal,
  type ScheduledCallback,
  type FailedReason,
  type WillCallBackReason,
  type CallOutcome,
  type OutcomeKind,
} from './outcome.js';
export { callStateSchema, openCallRequestSchema, revealResultSchema, type CallState, type OpenCallRequest, type RevealResult } from './callState.js';
export type { Verifier } from './verifier.js';
export { sessionEventSchema, type SessionEvent, type SessionEventInput, type SessionEventType } from './events.js';
export { callbackPolicySchema, minutesOfDay, type CallbackPolicy, type CallbackPolicyInput, type CallbackWeekday, type CallbackDayHours } from './callbackPolicy.js';
export type { CallbackSlot, CallbackWindow, CallbackAsk, CallbackDecision, CallbackPlanner } from './callback.js';
export { auditEventSchema, type AuditEvent, type AuditEventType, type AuditRecord, type AuditSink } from './audit.js';
