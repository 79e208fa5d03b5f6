export { createCallSession, restoreCallSession, type CallSession, type CallSessionDeps, type RestoreOptions, type SessionNotice, type CallMachine } from './session.js';
export { createCallMachine, mainStates, type MainState } from './machine.js';
export { sessionEventSchema, type SessionEvent, type SessionEventInput, type SessionEventType } from './events.js';
export { callSnapshotSchema, SNAPSHOT_FORMAT, type CallSnapshot } from './snapshot.js';
export { assessReveal, revealablePositions } from './mutual.js';
export { stepOfPath, statePath } from './view.js';
export {
  OUTCOME_KINDS,
  type CallOutcome,
  type OutcomeKind,
  type FailureCause,
  type FailedReason,
  type WillCallBackReason,
  type RefusedPosition,
  type RefusalReason,
  type ScheduledCallback,
} from './outcome.js';
export type { CallContext, IssuedChallenge, CallMachineInput, CallbackDecision, MachineEvent } from './context.js';
