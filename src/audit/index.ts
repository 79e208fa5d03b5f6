/**
 * `safecall-pl/audit`: what quality reviewers and admin tools need — the
 * audit event schema, summaries, reproducible samples, call trails and the
 * JSON Schemas of scripts and events. Runs in a browser (no `node:*`); the
 * JSONL files are `safecall-pl/audit/node`.
 *
 * @packageDocumentation
 */
export { auditEventSchema, type AuditEvent, type AuditEventType, type AuditRecord, type AuditSink } from './events.js';
export { summarizeCalls, createCallSummarizer, type CallSummarizer, type SummarizeOptions } from './summarizeCalls.js';
export type { CallStats, CallSummary, ScriptVersionStats, DayStats, Rate } from './summary.js';
export { expectedSteps, adheres } from './adherence.js';
export { sampleCalls, createCallSampler, type CallSampler, type CallSample, type SampleCallsOptions, type SampledCall, type SampleStratum, type SampleStratumInfo } from './sampleCalls.js';
export type { CallRecord } from './callRecords.js';
export { callTrail, formatTrail, type TrailEntry } from './callTrail.js';
export { describeAuditEvent } from './describeAuditEvent.js';
export { escapeControlCharacters } from './escapeControl.js';
export { auditEventJsonSchema } from './jsonSchema.js';
export { scriptJsonSchema } from '../script/index.js';
