/**
 * safecall-pl/testing — for script authors and for the library's own tests:
 * simulated calls against the real verification service in-process, scripted
 * customers, every path of a script's call flow, diagrams. Deterministic
 * (simulated clocks, seeded random sources); runs in browsers and Node.
 *
 * @packageDocumentation
 */
export { fixedClock, simulatedClock, type SimulatedClockControl } from './clocks.js';
export { seededRandom } from './seeded-random.js';
export { SIMULATION_START, SIMULATION_AGENT, SIMULATION_CUSTOMER, SIMULATION_ATTESTATION_KEY, TEST_PESEL, defaultAnswer } from './defaults.js';
export { simulationService, simulationCustomers, type SimulationServiceOptions } from './simulationService.js';
export { simulateCall, type SimulateOptions } from './simulateCall.js';
export { formatTranscript, type FormatTranscriptOptions } from './formatTranscript.js';
export type { SimulationResult, TranscriptEntry } from './transcript.js';
export type { SimulationTurn, CustomerTurn, Turn, TurnFunction, TurnView, CustomerBot, RedactedTurn } from './turns.js';
export { customerBot } from './customerBot.js';
export { PERSONAS, PERSONA_NAMES, type Persona, type PersonaName, type AnswerStyle } from './personas.js';
export { scriptPaths, countScriptPaths, type ScriptPath, type ScriptPathsOptions, type ScriptPathCounts, type PathAudit } from './scriptPaths.js';
export { isServiceAnswer, isServiceFailure, delayOf, type PathEvent, type CallEvent, type ServiceActorId, type ServiceFailure, type DelayName } from './pathEvents.js';
export { scriptDiagram } from './scriptDiagram.js';
export { formatPath } from './formatPath.js';
