import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedSteps, summarizeCalls, type CallStats, type CallSummary } from '../../src/audit/index.js';
import { OUTCOME_KINDS } from '../../src/model/index.js';
import { exampleScript, generateCalls, interleave } from '../support/auditFixtures.js';
import { lines } from './helpers.js';

const SQL = join(import.meta.dirname, '../../examples/sql');
type Row = Record<string, string | number | boolean | null>;

let dir: string;
let connection: DuckDBConnection;
let summary: CallSummary;
let results: Row[][];

/** Runs a file of statements one by one (as the duckdb shell's `.read` does), keeping the rows of each. */
async function runFile(name: string): Promise<Row[][]> {
  const extracted = await connection.extractStatements(readFileSync(join(SQL, name), 'utf8'));
  const out: Row[][] = [];
  for (let i = 0; i < extracted.count; i++) {
    const reader = await (await extracted.prepare(i)).runAndReadAll();
    out.push(reader.getRowObjectsJson() as Row[]);
  }
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'safecall-sql-'));
  const path = join(dir, 'audit.jsonl');
  const events = [...interleave(generateCalls({ calls: 3000, seed: 21, agents: 15, strayRate: 0.05 }))];
  // A torn line in the middle: both sides skip it.
  await writeFile(path, lines(events.slice(0, 5000)) + '{"at":"2026-01-05T0\n' + lines(events.slice(5000)));
  const scripts = [exampleScript('fraud-alert'), exampleScript('loan-offer'), exampleScript('vip-substitute')];
  summary = summarizeCalls(events, { scripts });

  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  connection = await instance.connect();
  await connection.run(`SET VARIABLE audit_files = '${path.replace(/'/g, "''")}'`);
  await runFile('events.sql');
  await runFile('calls.sql');
  await connection.run('CREATE TABLE expected_steps (script_key VARCHAR PRIMARY KEY, steps VARCHAR[])');
  for (const script of scripts) {
    await connection.run(`INSERT INTO expected_steps VALUES ('${script.id}@${script.version}', [${expectedSteps(script).map((s) => `'${s}'`).join(', ')}])`);
  }
  await runFile('adherence.sql');
  results = (await runFile('summary.sql')).filter((rows) => rows.length > 0 && ('grp' in rows[0]! || 'day' in rows[0]!));
}, 120_000);

afterAll(async () => {
  connection?.closeSync();
  await rm(dir, { recursive: true, force: true });
});

/** The SQL row of a group, in summarizeCalls' terms. */
function asStats(row: Row) {
  const n = (key: string) => Number(row[key]);
  const rate = (key: string) => (row[key] === null ? null : Number(row[key]));
  const ms = (key: string) => (row[key] === null ? null : Number(row[key]) * 1000);
  return {
    calls: n('calls'),
    outcomes: Object.fromEntries(OUTCOME_KINDS.map((kind) => [kind, n(kind === 'verified' ? 'verified_calls' : kind.replace(/-/g, '_'))])),
    verification: { reached: n('reached'), verified: n('verified'), passRate: rate('pass_rate') },
    timeToVerify: { count: n('ttv_count'), medianMs: ms('ttv_median_s'), p90Ms: ms('ttv_p90_s') },
    safePlace: { asked: n('safe_asked'), unsafe: n('unsafe'), unsafeRate: rate('unsafe_rate') },
    callback: rate('callback_rate'),
    mutual: { offered: n('mutual_offered'), used: n('mutual_used'), mismatches: n('mismatches') },
    adherence: { checked: n('adherence_checked'), adherent: n('adherent'), rate: rate('adherence_rate') },
  };
}

function fromSummary(s: CallStats) {
  return {
    calls: s.calls,
    outcomes: Object.fromEntries(OUTCOME_KINDS.map((kind) => [kind, s.outcomes[kind].count])),
    verification: s.verification,
    timeToVerify: s.timeToVerify,
    safePlace: s.safePlace,
    callback: s.callback.rate,
    mutual: { offered: s.mutual.offered, used: s.mutual.used, mismatches: s.mutual.mismatches },
    adherence: s.adherence,
  };
}

describe('examples/sql in DuckDB compute what summarizeCalls computes', () => {
  it('overall', () => {
    const [all] = results;
    expect(all).toHaveLength(1);
    expect(asStats(all![0]!)).toEqual(fromSummary(summary));
    // The file is varied enough for the comparison to mean something.
    expect(summary.adherence.adherent).toBeLessThan(summary.adherence.checked);
    expect(OUTCOME_KINDS.every((kind) => summary.outcomes[kind].count > 0)).toBe(true);
  });

  it('per agent and per script version', () => {
    const [, byAgent, byScript] = results;
    expect(Object.fromEntries(byAgent!.map((row) => [row['grp'], asStats(row)]))).toEqual(Object.fromEntries(Object.entries(summary.byAgent).map(([k, s]) => [k, fromSummary(s)])));
    expect(Object.fromEntries(byScript!.map((row) => [row['grp'], asStats(row)]))).toEqual(Object.fromEntries(Object.entries(summary.byScript).map(([k, s]) => [k, fromSummary(s)])));
  });

  it('per day', () => {
    const [, , , byDay] = results;
    expect(Object.fromEntries(byDay!.map((row) => [row['day'], { calls: Number(row['calls']), verified: Number(row['verified']), safeAsked: Number(row['safe_asked']), unsafe: Number(row['unsafe']), callbacks: Number(row['callbacks']) }]))).toEqual(summary.byDay);
  });
});
