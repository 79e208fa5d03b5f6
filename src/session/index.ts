export { createCallSession, type CallSession, type SessionNotice, type ReadonlyCallActor } from './session.js';
export { restoreCallSession, type RestoreOptions } from './restore.js';
export { sessionDepsSchema, type CallSessionDeps } from './deps.js';
export { callSnapshotSchema, SNAPSHOT_FORMAT, type CallSnapshot, type CallSnapshotInput } from './snapshot.js';
export { createCallMachine, flowStates, type CallMachine, type CallMachineSnapshot, type CallActor, type CallTag, type CallStateMeta } from './machine.js';
export { assessReveal } from './reveal.js';
export type { CallContext, MachineEvent } from './context.js';
