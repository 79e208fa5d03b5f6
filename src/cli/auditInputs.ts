import { stat } from 'node:fs/promises';
import { auditFiles } from '../audit/node/index.js';
import { escapeControlCharacters } from '../audit/index.js';
import { CliError } from './io.js';

/**
 * The audit files named on the command line (files, `.gz` files,
 * directories of them), with their total size; a missing or unreadable one,
 * or none at all, is invalid input (exit 1).
 *
 * @example
 * ```ts
 * const { files, totalBytes } = await auditInputs(['audit/', 'extra.jsonl']);
 * ```
 */
export async function auditInputs(sources: readonly string[]): Promise<{ files: string[]; totalBytes: number }> {
  const files: string[] = [];
  for (const source of sources) {
    try {
      const found = await auditFiles(source);
      if (found.length === 0) throw new CliError(1, `${escapeControlCharacters(source)}: no *.jsonl or *.jsonl.gz files in the directory`);
      files.push(...found);
    } catch (error) {
      if (error instanceof CliError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw new CliError(1, `${escapeControlCharacters(source)}: cannot read the file (${code === 'ENOENT' ? 'no such file' : (code ?? 'error')})`);
    }
  }
  let totalBytes = 0;
  for (const file of files) totalBytes += (await stat(file)).size;
  return { files, totalBytes };
}
