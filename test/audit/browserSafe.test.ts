import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { expect, it } from 'vitest';
import { auditEventJsonSchema } from '../../src/audit/index.js';

const root = join(import.meta.dirname, '../..');

it('safecall-pl/audit bundles for a browser: nothing it reaches imports node:* or the Node-only files', async () => {
  const result = await build({ entryPoints: [join(root, 'src/audit/index.ts')], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent', metafile: true });
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.filter((input) => input.startsWith('node:') || input.includes('src/audit/node/') || input.includes('src/session/') || input.includes('src/prompts/'))).toEqual([]);
});

it('the audit event JSON Schema shipped in examples/sql is the one generated from the zod schema', () => {
  const shipped = JSON.parse(readFileSync(join(root, 'examples/sql/audit-event.schema.json'), 'utf8'));
  expect(shipped, 'regenerate it: node --import tsx bench/audit-schema.ts').toEqual(auditEventJsonSchema());
});
