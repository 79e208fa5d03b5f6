export { auditEventSchema, type AuditEvent, type AuditEventType, type AuditRecord, type AuditSink } from './events.js';
export { summarizeCalls, createCallSummarizer, type CallSummarizer, type SummarizeOptions } from './summarizeCalls.js';
export type { CallStats, CallSummary, ScriptVersionStats, Rate } from './summary.js';
