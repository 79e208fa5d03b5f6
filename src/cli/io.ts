/**
 * Where a command writes; the real process in `index.ts`, buffers in tests.
 *
 * @example
 * ```ts
 * const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), stderrIsTTY: false };
 * ```
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal (progress is redrawn in place there). */
  stderrIsTTY: boolean;
}

/**
 * Exit codes: 0 ok, 1 invalid input (script, audit file), 2 usage error.
 *
 * @example
 * ```ts
 * return EXIT.usage; // 2
 * ```
 */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2, internal: 70 } as const;

/**
 * A failure the CLI reports as one message and an exit code.
 *
 * @example
 * ```ts
 * throw new CliError(2, 'simulate: unknown persona "pirate"', ['Known personas: ...']);
 * ```
 */
export class CliError extends Error {
  readonly exitCode: 1 | 2;
  /** Extra lines printed after the message (issues, hints). */
  readonly details: readonly string[];

  constructor(exitCode: 1 | 2, message: string, details: readonly string[] = []) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
    this.details = details;
  }
}
