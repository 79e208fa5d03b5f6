import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SafecallError } from '../../core/errors.js';

const AUDIT_FILE = /\.jsonl(\.gz)?$/;

/**
 * The files to read, in order: each source is a file, or a directory whose
 * `*.jsonl` and `*.jsonl.gz` files are read in name order (not recursive).
 * A missing source rejects with Node's error (`ENOENT`…).
 *
 * @example
 * ```ts
 * await auditFiles(['/var/log/safecall/', 'extra.jsonl']); // ['/var/log/safecall/2026-01.jsonl', …, 'extra.jsonl']
 * ```
 */
export async function auditFiles(sources: string | readonly string[]): Promise<string[]> {
  const list = typeof sources === 'string' ? [sources] : sources;
  if (!Array.isArray(list) || list.length === 0 || list.some((s) => typeof s !== 'string' || s.length === 0)) {
    throw new SafecallError('INVALID_ARGUMENT', 'audit sources must be one or more file or directory paths');
  }
  const files: string[] = [];
  for (const source of list) {
    if (!(await stat(source)).isDirectory()) {
      files.push(source);
      continue;
    }
    const names = (await readdir(source)).filter((name) => AUDIT_FILE.test(name)).sort();
    files.push(...names.map((name) => join(source, name)));
  }
  return files;
}
