import { readFile } from 'node:fs/promises';
import { isSafecallError } from '../core/errors.js';
import { defineScript, type CallScript } from '../script/index.js';
import { CliError } from './io.js';

/** "line 3, column 14" from a JSON.parse error; the message itself may quote the file. */
function where(text: string, error: unknown): string {
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  if (position === undefined) return text.trim() === '' ? 'the file is empty' : 'unexpected end or character';
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/**
 * Reads a file; a missing or unreadable one is invalid input (exit 1).
 *
 * @example
 * ```ts
 * const text = await readText('audit.jsonl');
 * ```
 */
export async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(1, `${path}: cannot read the file (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? 'error')})`);
  }
}

/**
 * Reads and parses a JSON file; malformed JSON names the file and the place (exit 1).
 *
 * @example
 * ```ts
 * const json = await readJson('script.json');
 * ```
 */
export async function readJson(path: string): Promise<unknown> {
  const text = await readText(path);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliError(1, `${path}: not valid JSON (${where(text, error)})`);
  }
}

/**
 * Loads and validates a call script; schema problems are listed with their paths (exit 1).
 *
 * @example
 * ```ts
 * const script = await loadScript('examples/scripts/fraud-alert.json');
 * ```
 */
export async function loadScript(path: string): Promise<CallScript> {
  const json = await readJson(path);
  try {
    return defineScript(json);
  } catch (error) {
    if (isSafecallError(error, 'INVALID_SCRIPT') || isSafecallError(error, 'UNSAFE_SCRIPT')) {
      const issues = (error.issues ?? []).map((issue) => `  - ${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
      throw new CliError(1, `${path}: ${error.code === 'UNSAFE_SCRIPT' ? 'unsafe' : 'invalid'} call script (${error.code})`, issues);
    }
    throw error;
  }
}
