export { auditEventSchema, type AuditEvent, type AuditEventType, type AuditRecord, type AuditSink } from '../model/audit.js';
