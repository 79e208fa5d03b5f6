/**
 * Node-only audit storage: a durable JSON Lines sink and a streaming reader.
 * Never imported by the main entry (it uses `node:fs`).
 *
 * @packageDocumentation
 */
export { jsonlAuditSink, type JsonlAuditSink, type JsonlAuditSinkOptions } from './jsonlAuditSink.js';
export { readAuditEvents, type ReadAuditOptions, type ReadProgress } from './readAuditEvents.js';
