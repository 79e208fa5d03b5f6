import { isSafecallError } from '../core/errors.js';
import { CliError } from './io.js';

/**
 * Turns what a read of audit files can throw into the CLI's invalid-input
 * error (exit 1): a bad line (`INVALID_AUDIT`, by file and line number), or
 * a file that cannot be read.
 *
 * @example
 * ```ts
 * try { await summarize(); } catch (error) { throw asReadError(error); }
 * ```
 */
export function asReadError(error: unknown): unknown {
  if (isSafecallError(error, 'INVALID_AUDIT')) return new CliError(1, error.message, ['Run with --skip-invalid to skip such lines and report them by number.']);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return new CliError(1, `cannot read the audit files (${code})`);
  return error;
}
