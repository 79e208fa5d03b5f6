import { callTrail, escapeControlCharacters, formatTrail } from '../../audit/index.js';
import { readCallTrails } from '../../audit/node/index.js';
import { parseCommand } from '../args.js';
import { auditInputs } from '../auditInputs.js';
import { HELP } from '../help.js';
import { CliError, type CliIo } from '../io.js';
import { lineIssuePrinter } from '../lineIssues.js';
import { asReadError } from '../readErrors.js';

/**
 * `safecall trail <audit…> --session ID [--session ID]... [--json]`
 *
 * @example
 * ```ts
 * await trailCommand(['audit/', '--session', 'c-1001'], io);
 * ```
 */
export async function trailCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals, help } = parseCommand(
    'trail',
    args,
    { session: { type: 'string', multiple: true }, json: { type: 'boolean' }, 'skip-invalid': { type: 'boolean' } },
    ['audit.jsonl…'],
  );
  if (help) return (io.stdout(`${HELP.trail}\n`), 0);
  const sessions = ((values.session as string[] | undefined) ?? []).filter((id) => id.length > 0);
  if (!sessions.length) throw new CliError(2, 'trail: --session <id> is required', ['Run "safecall trail --help" for usage.']);
  const { files } = await auditInputs(positionals);
  const issues = lineIssuePrinter('trail', io);
  let found;
  try {
    found = await readCallTrails(files, sessions, { invalidLines: values['skip-invalid'] ? 'skip' : 'throw', onIssue: issues.add });
  } catch (error) {
    throw asReadError(error);
  } finally {
    issues.end();
  }
  const trails = sessions.map((id) => ({ id, trail: callTrail(found.get(id) ?? [], id) }));
  const missing = trails.filter((t) => t.trail.length === 0).map((t) => t.id);
  if (values.json) {
    io.stdout(`${JSON.stringify(trails.map(({ id, trail }) => ({ sessionId: id, events: trail.map(({ at, offsetMs, step, type, text, event }) => ({ at, offsetMs, step, type, text, data: event.data })) })), null, 2)}\n`);
  } else {
    io.stdout(trails.filter((t) => t.trail.length).map((t) => formatTrail(t.trail)).join('\n'));
  }
  if (missing.length) throw new CliError(1, `no events for session ${missing.map((id) => `"${escapeControlCharacters(id)}"`).join(', ')} in ${files.length} file${files.length === 1 ? '' : 's'}`);
  return 0;
}
