import { mainSteps } from '../../script/index.js';
import { parseCommand } from '../args.js';
import { HELP } from '../help.js';
import type { CliIo } from '../io.js';
import { loadScript } from '../loadJson.js';

/**
 * `safecall validate <script.json>`
 *
 * @example
 * ```ts
 * const code = await validateCommand(['fraud-alert.json'], io); // 0 when valid
 * ```
 */
export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, help } = parseCommand('validate', args, {}, ['script.json']);
  if (help) return (io.stdout(`${HELP.validate}\n`), 0);
  const file = positionals[0]!;
  const script = await loadScript(file);
  io.stdout(`✓ ${file}: ${script.id} v${script.version} (${script.locale}) is a valid call script\n  steps: ${mainSteps(script).join(' → ')}\n`);
  return 0;
}
