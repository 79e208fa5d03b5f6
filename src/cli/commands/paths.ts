import { OUTCOME_KINDS } from '../../model/index.js';
import { countScriptPaths, scriptPaths } from '../../testing/scriptPaths.js';
import { intOption, parseCommand } from '../args.js';
import { count, table } from '../format.js';
import { HELP } from '../help.js';
import type { CliIo } from '../io.js';
import { loadScript } from '../loadJson.js';

/**
 * `safecall paths <script.json> [--seed n] [--json]`
 *
 * @example
 * ```ts
 * await pathsCommand(['fraud-alert.json'], io);
 * ```
 */
export async function pathsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals, help } = parseCommand('paths', args, { seed: { type: 'string' }, json: { type: 'boolean' } }, ['script.json']);
  if (help) return (io.stdout(`${HELP.paths}\n`), 0);
  const seed = intOption('paths', 'seed', values.seed, 1);
  const script = await loadScript(positionals[0]!);
  const started = performance.now();
  const paths = scriptPaths(script, { seed });
  const ms = performance.now() - started;
  const counts = countScriptPaths(script, { seed });
  const outcomes = new Map<string, number>();
  for (const path of paths) {
    const key = path.outcome ? ('reason' in path.outcome ? `${path.outcome.kind} (${path.outcome.reason})` : path.outcome.kind) : 'no outcome';
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  }
  const order = (key: string) => {
    const i = OUTCOME_KINDS.findIndex((kind) => key === kind || key.startsWith(`${kind} (`));
    return i < 0 ? OUTCOME_KINDS.length : i;
  };
  const rows = [...outcomes].sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b));
  if (values.json) {
    const data = {
      script: { id: script.id, version: script.version },
      paths: paths.length,
      distinctFullPaths: counts.total,
      outcomes: Object.fromEntries(rows),
      items: paths.map(({ steps, states, events, outcome, explored }) => ({ steps, states, events, outcome, explored })),
    };
    io.stdout(`${JSON.stringify(data)}\n`);
    return 0;
  }
  io.stdout(
    [
      `${script.id} v${script.version}: ${count(paths.length)} paths (every route through each step) in ${(ms / 1000).toFixed(2)} s; ${count(counts.total)} distinct full paths`,
      '',
      table(['outcome', 'paths'], rows.map(([key, n]) => [key, count(n)])),
      '',
    ].join('\n'),
  );
  return 0;
}
