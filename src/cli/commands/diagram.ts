import { scriptDiagram } from '../../testing/scriptDiagram.js';
import { parseCommand } from '../args.js';
import { HELP } from '../help.js';
import type { CliIo } from '../io.js';
import { loadScript } from '../loadJson.js';

/**
 * `safecall diagram <script.json> [--markdown]`
 *
 * @example
 * ```ts
 * await diagramCommand(['fraud-alert.json', '--markdown'], io);
 * ```
 */
export async function diagramCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals, help } = parseCommand('diagram', args, { markdown: { type: 'boolean' } }, ['script.json']);
  if (help) return (io.stdout(`${HELP.diagram}\n`), 0);
  const diagram = scriptDiagram(await loadScript(positionals[0]!));
  io.stdout(values.markdown ? `\`\`\`mermaid\n${diagram}\`\`\`\n` : diagram);
  return 0;
}
