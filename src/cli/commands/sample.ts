import { callTrail, createCallSampler, escapeControlCharacters, formatTrail, type CallRecord, type SampleStratum } from '../../audit/index.js';
import { readAuditBatches, readCallTrails } from '../../audit/node/index.js';
import { OUTCOME_KINDS } from '../../model/index.js';
import { intOption, parseCommand } from '../args.js';
import { auditInputs } from '../auditInputs.js';
import { count, table } from '../format.js';
import { HELP } from '../help.js';
import { CliError, type CliIo } from '../io.js';
import { lineIssuePrinter } from '../lineIssues.js';
import { progressPrinter } from '../progress.js';
import { asReadError } from '../readErrors.js';

const STRATA: readonly SampleStratum[] = ['agent', 'script', 'outcome'];

/** `--since` / `--until`: an ISO instant, or a date meaning its start (UTC). */
function instant(name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw new CliError(2, `sample: --${name} must be an ISO date or instant, e.g. 2026-01-31 or 2026-01-31T12:00:00Z`);
  return ms;
}

/** The call filters given on the command line, as one predicate (undefined when none). */
function callFilter(values: Record<string, unknown>): ((call: CallRecord) => boolean) | undefined {
  const list = (key: string) => (Array.isArray(values[key]) ? values[key].filter((v): v is string => typeof v === 'string') : []);
  const agents = new Set(list('agent'));
  const scriptKeys = list('script-key');
  const outcomes = new Set(list('outcome'));
  for (const outcome of outcomes) {
    if (!(OUTCOME_KINDS as readonly string[]).includes(outcome)) throw new CliError(2, `sample: unknown outcome "${escapeControlCharacters(outcome)}"`, [`Outcomes: ${OUTCOME_KINDS.join(', ')}`]);
  }
  const since = instant('since', values['since']);
  const until = instant('until', values['until']);
  if (!agents.size && !scriptKeys.length && !outcomes.size && since === undefined && until === undefined) return undefined;
  return (call) => {
    if (agents.size && !agents.has(call.agentId)) return false;
    if (scriptKeys.length && !scriptKeys.some((key) => key === call.scriptId || key === `${call.scriptId}@${call.scriptVersion}`)) return false;
    if (outcomes.size && !outcomes.has(call.outcome)) return false;
    const ended = Date.parse(call.endedAt);
    if (since !== undefined && !(ended >= since)) return false;
    if (until !== undefined && !(ended < until)) return false;
    return true;
  };
}

/**
 * `safecall sample <audit…> [--size n] [--per agent|script|outcome] [--seed n] [filters] [--trails] [--json]`
 *
 * @example
 * ```ts
 * await sampleCommand(['audit/', '--per', 'agent', '--size', '5', '--seed', '42'], io);
 * ```
 */
export async function sampleCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals, help } = parseCommand(
    'sample',
    args,
    {
      size: { type: 'string' },
      per: { type: 'string' },
      seed: { type: 'string' },
      agent: { type: 'string', multiple: true },
      'script-key': { type: 'string', multiple: true },
      outcome: { type: 'string', multiple: true },
      since: { type: 'string' },
      until: { type: 'string' },
      trails: { type: 'boolean' },
      json: { type: 'boolean' },
      'skip-invalid': { type: 'boolean' },
    },
    ['audit.jsonl…'],
  );
  if (help) return (io.stdout(`${HELP.sample}\n`), 0);
  const size = intOption('sample', 'size', values.size, 5);
  if (size < 1) throw new CliError(2, 'sample: --size must be at least 1');
  const per = STRATA.find((stratum) => stratum === values.per);
  if (values.per !== undefined && !per) throw new CliError(2, `sample: --per must be one of ${STRATA.join(', ')}`);
  // Without --seed a fresh one is drawn and printed, so the sample can be drawn again.
  const seed = values.seed === undefined ? crypto.getRandomValues(new Uint32Array(1))[0]! : intOption('sample', 'seed', values.seed, 0);
  const where = callFilter(values);
  const { files, totalBytes } = await auditInputs(positionals);
  const sampler = createCallSampler({ size, seed, ...(per ? { per } : {}), ...(where ? { where } : {}) });
  const progress = progressPrinter('reading', totalBytes, io);
  const issues = lineIssuePrinter('sample', io);
  const invalidLines = values['skip-invalid'] ? 'skip' : 'throw';
  try {
    const batches = readAuditBatches(files, { frozenData: true, invalidLines, onIssue: issues.add, ...(progress ? { onProgress: progress.update } : {}) });
    for await (const batch of batches) for (const event of batch) sampler.add(event);
  } catch (error) {
    throw asReadError(error);
  } finally {
    progress?.end();
    issues.end();
  }
  const sample = sampler.result();
  let trails: Map<string, ReturnType<typeof callTrail>> | undefined;
  if (values.trails && sample.calls.length) {
    // A second pass, at disk speed: only blocks holding a sampled session id are parsed.
    const found = await readCallTrails(
      files,
      sample.calls.map((c) => c.sessionId),
      { invalidLines },
    ).catch((error: unknown) => {
      throw asReadError(error);
    });
    trails = new Map([...found].map(([id, events]) => [id, callTrail(events, id)]));
  }
  if (values.json) {
    const calls = sample.calls.map((call) => (trails ? { ...call, trail: trails.get(call.sessionId)?.map(({ at, step, type, text }) => ({ at, step, type, text })) ?? [] } : call));
    io.stdout(`${JSON.stringify({ seed, size, per: per ?? null, strata: sample.strata, calls }, null, 2)}\n`);
    return 0;
  }
  const population = sample.strata.reduce((n, s) => n + s.population, 0);
  const out: string[] = [];
  out.push(
    `${count(sample.calls.length)} of ${count(population)} ended calls, ${size} ${per ? `per ${per} (${count(sample.strata.length)} strata)` : 'in all'}, seed ${seed}${values.seed === undefined ? ` (pass --seed ${seed} to draw the same sample)` : ''}`,
  );
  out.push('');
  out.push(
    table(
      ['session', 'agent', 'script', 'outcome', 'started', 'ended'],
      sample.calls.map((c) => [c.sessionId, c.agentId, `${c.scriptId}@${c.scriptVersion}`, c.outcome, c.startedAt ?? '(restored)', c.endedAt]),
      'left',
    ),
  );
  if (per) {
    out.push('');
    out.push(table([per, 'calls', 'sampled'], sample.strata.map((s) => [s.stratum ?? '', count(s.population), count(s.sampled)])));
  }
  if (trails) {
    for (const call of sample.calls) out.push('', formatTrail(trails.get(call.sessionId) ?? []).trimEnd());
  } else if (sample.calls.length) {
    out.push('', `Read a call: safecall trail ${positionals.map(escapeControlCharacters).join(' ')} --session ${escapeControlCharacters(sample.calls[0]!.sessionId)}  (or add --trails)`);
  }
  io.stdout(`${out.join('\n')}\n`);
  return 0;
}
