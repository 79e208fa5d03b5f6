import { isSafecallError } from '../../core/errors.js';
import { customerBot } from '../../testing/customerBot.js';
import { formatTranscript } from '../../testing/formatTranscript.js';
import { PERSONA_NAMES, type PersonaName } from '../../testing/personas.js';
import { simulateCall } from '../../testing/simulateCall.js';
import { intOption, parseCommand } from '../args.js';
import { HELP } from '../help.js';
import { CliError, type CliIo } from '../io.js';
import { loadScript } from '../loadJson.js';

/**
 * `safecall simulate <script.json> [--persona name] [--seed n] [--start iso] [--json]`
 *
 * @example
 * ```ts
 * await simulateCommand(['fraud-alert.json', '--persona', 'forgetful'], io);
 * ```
 */
export async function simulateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals, help } = parseCommand(
    'simulate',
    args,
    { persona: { type: 'string' }, seed: { type: 'string' }, start: { type: 'string' }, json: { type: 'boolean' } },
    ['script.json'],
  );
  if (help) return (io.stdout(`${HELP.simulate}\n`), 0);
  const persona = typeof values.persona === 'string' ? values.persona : 'cooperative';
  if (!(PERSONA_NAMES as readonly string[]).includes(persona)) {
    throw new CliError(2, `simulate: unknown persona "${persona}"`, [`Known personas: ${PERSONA_NAMES.join(', ')}`]);
  }
  const seed = intOption('simulate', 'seed', values.seed, 1);
  const start = typeof values.start === 'string' ? values.start : undefined;
  if (start !== undefined && Number.isNaN(Date.parse(start))) throw new CliError(2, 'simulate: --start must be an ISO instant, e.g. 2026-11-23T14:00:00+01:00');
  const script = await loadScript(positionals[0]!);
  let result;
  try {
    result = await simulateCall(script, customerBot(persona as PersonaName), { seed, ...(start ? { start } : {}) });
  } catch (error) {
    if (isSafecallError(error, 'INVALID_ARGUMENT')) throw new CliError(2, `simulate: ${error.message}`);
    throw error;
  }
  if (values.json) {
    const { session: _session, ...data } = result;
    io.stdout(`${JSON.stringify(data, null, 2)}\n`);
  } else {
    io.stdout(`${formatTranscript(result)}\n`);
  }
  return 0;
}
