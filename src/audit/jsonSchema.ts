import * as z from 'zod/mini';
import { auditEventSchema } from './events.js';

let cached: Record<string, unknown> | undefined;

/**
 * The JSON Schema (draft 2020-12) of one audit event — one line of a JSONL
 * audit trail — generated from the same zod schema the sink and reader
 * validate with. For a warehouse table, a data contract, or validating the
 * trail with another tool; `examples/sql/audit-event.schema.json` is this,
 * written out.
 *
 * @example
 * ```ts
 * writeFileSync('audit-event.schema.json', JSON.stringify(auditEventJsonSchema(), null, 2));
 * ```
 */
export function auditEventJsonSchema(): Record<string, unknown> {
  cached ??= z.toJSONSchema(auditEventSchema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
  return structuredClone(cached);
}
