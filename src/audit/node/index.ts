/**
 * `safecall-pl/audit/node`: the audit trail as JSON Lines files — a durable
 * sink several processes can share, streaming readers that validate every
 * line and survive torn or huge lines, a one-pass search for a few calls'
 * trails, and the self-contained HTML report. Node only (`node:fs`); never
 * imported by the browser entries.
 *
 * @packageDocumentation
 */
export { jsonlAuditSink, MAX_SINK_LINE_BYTES, type JsonlAuditSink, type JsonlAuditSinkOptions } from './jsonlAuditSink.js';
export { readAuditEvents, readAuditBatches, DEFAULT_MAX_LINE_BYTES, type ReadAuditOptions, type ReadProgress } from './readAuditEvents.js';
export type { AuditLineIssue } from './lineIssue.js';
export type { IssueCounts } from './auditLineDecoder.js';
export { readCallTrails } from './readCallTrails.js';
export { auditFiles } from './auditSources.js';
export { auditReportHtml, type AuditReportHtmlOptions } from './auditReportHtml.js';
