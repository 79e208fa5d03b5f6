/**
 * Writes examples/sql/audit-event.schema.json from the zod schema (a test
 * checks the two agree): `node --import tsx bench/audit-schema.ts`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditEventJsonSchema } from '../src/audit/index.js';

const path = join(import.meta.dirname, '../examples/sql/audit-event.schema.json');
writeFileSync(path, `${JSON.stringify(auditEventJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${path}\n`);
