import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

// Every example script has its own test file here (one per file, so they run in parallel).
it('checks every script in examples/scripts', () => {
  const scripts = readdirSync(join(import.meta.dirname, '../../examples/scripts')).filter((f) => f.endsWith('.json'));
  expect(scripts.length).toBeGreaterThanOrEqual(3);
  for (const file of scripts) expect(existsSync(join(import.meta.dirname, file.replace(/\.json$/, '.test.ts'))), file).toBe(true);
});
