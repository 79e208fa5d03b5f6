import { initialTransition, transition, type ActorLogic, type AnyStateMachine } from 'xstate';
import type { AuditRecord, StepId } from '../model/index.js';
import type { CallMachine, CallMachineSnapshot, MachineEmitted } from '../session/internal.js';
import type { PathEvent } from './pathEvents.js';

/**
 * An audit record the machine emitted on the way into a state, and the prompt
 * step it names (the session stamps the others with the step it is at).
 *
 * @example
 * ```ts
 * const emitted: EmittedAudit = { record: { type: 'hold', data: {} } };
 * ```
 */
export interface EmittedAudit {
  record: AuditRecord;
  step?: StepId;
}

/**
 * The call machine as `@xstate/graph` walks it: its transitions take every
 * {@link PathEvent}, and what each transition emitted for the audit trail is
 * kept with the state it led to.
 *
 * @example
 * ```ts
 * const walk = pathLogic(createCallMachine(script));
 * getSimplePaths(walk.logic, { fromState: walk.initial, events });
 * ```
 */
export interface PathLogic {
  logic: ActorLogic<CallMachineSnapshot, PathEvent>;
  /** The first state of every call. */
  initial: CallMachineSnapshot;
  /** What the machine emitted on the way into `snapshot` (a state this logic produced). */
  emitted(snapshot: CallMachineSnapshot): readonly EmittedAudit[];
  /** The state after `event` (memoised: equal states and events give the same object). */
  next(snapshot: CallMachineSnapshot, event: PathEvent): CallMachineSnapshot;
  /** A state's identity: its value and context, serialised once per snapshot. */
  key(snapshot: CallMachineSnapshot): string;
  /** An event's identity, serialised once per event object. */
  eventKey(event: PathEvent): string;
}

function isEmitted(value: unknown): value is MachineEmitted {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'audit' && typeof (value as { audit?: unknown }).audit === 'object';
}

function auditOf(actions: readonly { type: string; params?: unknown }[]): EmittedAudit[] {
  const records: EmittedAudit[] = [];
  for (const action of actions) {
    if (action.type !== 'xstate.emit' || typeof action.params !== 'object' || action.params === null) continue;
    const event: unknown = (action.params as { event?: unknown }).event;
    if (isEmitted(event)) records.push(event.step ? { record: event.audit, step: event.step } : { record: event.audit });
  }
  return records;
}

/**
 * Wraps a call machine for path enumeration.
 *
 * @example
 * ```ts
 * const { initial, next } = pathLogic(createCallMachine(script));
 * next(initial, { type: 'CONFIRM' }).value; // 'purpose'
 * ```
 */
export function pathLogic(machine: CallMachine): PathLogic {
  // xstate's own events (done, error, after) are not among the machine's declared
  // events, yet its transitions take them: they go through the untyped machine.
  const untyped: AnyStateMachine = machine;
  const emitted = new WeakMap<CallMachineSnapshot, EmittedAudit[]>();
  const keys = new WeakMap<CallMachineSnapshot, string>();
  const key = (snapshot: CallMachineSnapshot): string => {
    let known = keys.get(snapshot);
    if (known === undefined) keys.set(snapshot, (known = JSON.stringify({ value: snapshot.value, context: snapshot.context })));
    return known;
  };
  // Offered events are reused objects: serialise each once.
  const eventKeys = new WeakMap<PathEvent, string>();
  const eventKey = (event: PathEvent): string => {
    let known = eventKeys.get(event);
    if (known === undefined) eventKeys.set(event, (known = JSON.stringify(event)));
    return known;
  };
  // The graph package asks for the same transitions many times, and xstate's transitions are not cheap.
  const memo = new Map<string, Map<string, CallMachineSnapshot>>();
  const next = (snapshot: CallMachineSnapshot, event: PathEvent): CallMachineSnapshot => {
    const from = key(snapshot);
    const serialised = eventKey(event);
    let known = memo.get(from);
    const cached = known?.get(serialised);
    if (cached) return cached;
    // xstate's pure `transition` returns the actions instead of running them: the audit records are read from them.
    const [state, actions]: [CallMachineSnapshot, readonly { type: string; params?: unknown }[]] = transition(untyped, snapshot, event);
    // An event that changes nothing gives back the same snapshot: what led into it stays as it was.
    if (state !== snapshot) emitted.set(state, auditOf(actions));
    if (!known) memo.set(from, (known = new Map()));
    known.set(serialised, state);
    return state;
  };
  const [initial, entry] = initialTransition(machine);
  emitted.set(initial, auditOf(entry));
  return {
    logic: {
      config: machine.config,
      transition: (snapshot, event) => next(snapshot, event),
      getInitialSnapshot: () => initial,
      getPersistedSnapshot: (snapshot) => machine.getPersistedSnapshot(snapshot),
    },
    initial,
    emitted: (snapshot) => emitted.get(snapshot) ?? [],
    next,
    key,
    eventKey,
  };
}
