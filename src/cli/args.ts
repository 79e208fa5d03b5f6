import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './io.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `parseArgs`, strict, with `--help`; unknown options and a wrong number of
 * positionals are usage errors (exit 2) that point at the command's help. A
 * last positional whose name ends in "…" takes one or more arguments.
 *
 * @example
 * ```ts
 * const { values, positionals, help } = parseCommand('paths', args, { seed: { type: 'string' } }, ['script.json']);
 * ```
 */
export function parseCommand<O extends Options>(command: string, args: string[], options: O, positionals: string[]) {
  let parsed: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } } as Options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(2, `${command}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, [`Run "safecall ${command} --help" for usage.`]);
  }
  const help = parsed.values['help'] === true;
  // A last positional named "…" takes one or more arguments.
  const variadic = positionals.at(-1)?.endsWith('…') === true;
  const got = parsed.positionals.length;
  if (!help && (variadic ? got < positionals.length : got !== positionals.length)) {
    const expected = positionals.map((p) => `<${p}>`).join(' ');
    throw new CliError(2, `${command}: expected ${expected}, got ${parsed.positionals.length} argument${parsed.positionals.length === 1 ? '' : 's'}`, [`Run "safecall ${command} --help" for usage.`]);
  }
  return { values: parsed.values as Record<keyof O | 'help', string | boolean | string[] | undefined>, positionals: parsed.positionals, help };
}

/**
 * An integer option, or a usage error.
 *
 * @example
 * ```ts
 * intOption('simulate', 'seed', '42', 1); // 42
 * ```
 */
export function intOption(command: string, name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || !/^-?\d+$/.test(value) || !Number.isSafeInteger(n)) throw new CliError(2, `${command}: --${name} must be an integer`);
  return n;
}
