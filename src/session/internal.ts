/**
 * The session's machine as `safecall-pl/testing` reads it: the machine factory,
 * the flow of top-level states, state meta, the machine's types — and the
 * library's one validation helper.
 *
 * For `safecall-pl/testing` ONLY — not part of the public API. Nothing here is
 * exported by a package entry, and any of it may change in a patch release.
 * Desktops use `createCallSession` and read `session.actor`; testing needs the
 * machine itself to walk every path of a script with `@xstate/graph` and to
 * draw it, which no user of a session should ever need.
 *
 * @example
 * ```ts
 * import { createCallMachine, stepOf } from '../session/internal.js';
 * const machine = createCallMachine(script);
 * ```
 *
 * @packageDocumentation
 * @internal
 */
export { createCallMachine, flowStates, type CallMachine, type CallMachineSnapshot, type CallActor, type CallTag, type CallStateMeta, type MachineEmitted } from './machine.js';
export { metaOf, stepOf } from './view.js';
export type { CallContext, MachineEvent } from './context.js';
// The one validation helper, so testing's own options fail like every other input (same code, same issues).
export { parseOrThrow } from '../core/validate.js';
