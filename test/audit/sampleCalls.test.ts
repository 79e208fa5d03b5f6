import { describe, expect, it } from 'vitest';
import { createCallSampler, sampleCalls } from '../../src/audit/index.js';
import { sampleKey } from '../../src/audit/sampleKey.js';
import type { AuditEvent, OutcomeKind } from '../../src/model/index.js';
import { call } from './helpers.js';
import { generateCalls, interleave } from '../support/auditFixtures.js';
import { forged } from '../support/forged.js';

const calls = [...generateCalls({ calls: 600, seed: 3, agents: 12 })];
const events = [...interleave(calls)];

/** The upper 0.1 % point of the chi-square distribution (Wilson–Hilferty), so a fair sampler fails once in a thousand seeds' worth of luck. */
function chiSquareCritical(df: number): number {
  const z = 3.090232;
  return df * (1 - 2 / (9 * df) + z * Math.sqrt(2 / (9 * df))) ** 3;
}

describe('sampleCalls', () => {
  it('is reproducible: same seed and calls, same sample — whatever the order of the input, sync or async', async () => {
    const options = { size: 4, per: 'agent' as const, seed: 42 };
    const a = await sampleCalls(events, options);
    const byCall = await sampleCalls(calls.flatMap((c) => c.events), options);
    const reversed = await sampleCalls(
      [...calls].reverse().flatMap((c) => c.events),
      options,
    );
    async function* stream(): AsyncGenerator<AuditEvent> {
      yield* events;
    }
    expect(byCall).toEqual(a);
    expect(reversed).toEqual(a);
    expect(await sampleCalls(stream(), options)).toEqual(a);
    expect((await sampleCalls(events, { ...options, seed: 43 })).calls).not.toEqual(a.calls);
  });

  it('stratifies: size calls per agent, script version or outcome, small strata taken whole, populations counted', async () => {
    for (const per of ['agent', 'script', 'outcome'] as const) {
      const sample = await sampleCalls(events, { size: 5, per, seed: 7 });
      const population = new Map<string, number>();
      for (const c of calls) {
        const key = per === 'agent' ? c.agentId : per === 'script' ? c.scriptKey : c.outcome;
        population.set(key, (population.get(key) ?? 0) + 1);
      }
      expect(sample.strata.map((s) => s.stratum)).toEqual([...population.keys()].sort());
      for (const stratum of sample.strata) {
        expect(stratum.population).toBe(population.get(stratum.stratum!));
        expect(stratum.sampled).toBe(Math.min(5, stratum.population));
        expect(sample.calls.filter((c) => c.stratum === stratum.stratum)).toHaveLength(stratum.sampled);
      }
    }
    const whole = await sampleCalls(events, { size: 1000, seed: 1 });
    expect(whole.calls).toHaveLength(calls.length);
  });

  it('filters with where, samples ended calls only, and lists each call as a reviewer needs it', async () => {
    const sample = await sampleCalls(
      [...call('open', { steps: ['purpose'] }), ...call('done', { agent: 'anna', steps: ['purpose'], outcome: 'wrong-person' }), ...call('kept', { agent: 'piotr', steps: ['purpose'], outcome: 'abandoned' })],
      { size: 5, seed: 1, where: (c) => c.agentId === 'piotr' },
    );
    expect(sample.calls).toEqual([
      {
        sessionId: 'kept',
        agentId: 'piotr',
        scriptId: 'fraud-alert',
        scriptVersion: 4,
        outcome: 'abandoned',
        startedAt: '2026-11-23T13:00:00.000Z',
        endedAt: '2026-11-23T13:00:02.000Z',
        stratum: null,
        key: sampleKey(1, 'kept'),
      },
    ]);
    expect(sample.strata).toEqual([{ stratum: null, population: 1, sampled: 1 }]);
  });

  it('the first n calls of a stratum are the sample of size n', async () => {
    const big = await sampleCalls(events, { size: 10, per: 'script', seed: 5 });
    const small = await sampleCalls(events, { size: 3, per: 'script', seed: 5 });
    for (const { stratum } of small.strata) {
      expect(small.calls.filter((c) => c.stratum === stratum)).toEqual(big.calls.filter((c) => c.stratum === stratum).slice(0, 3));
    }
  });

  it('(statistical, fixed seeds) samples each stratum uniformly: every call as likely as another', () => {
    // Three strata of 40, 12 and 3 calls, sampled 4 per stratum under 3,000 seeds.
    const strata: [OutcomeKind, number][] = [
      ['verified', 40],
      ['failed', 12],
      ['locked', 3],
    ];
    const all = strata.flatMap(([outcome, n]) => Array.from({ length: n }, (_, i) => call(`${outcome}-${i}`, { steps: ['purpose'], outcome })).flat());
    const SEEDS = 3_000;
    const SIZE = 4;
    const picked = new Map<string, number>();
    for (let seed = 1; seed <= SEEDS; seed++) {
      const sampler = createCallSampler({ size: SIZE, per: 'outcome', seed });
      all.forEach(sampler.add);
      for (const c of sampler.result().calls) picked.set(c.sessionId, (picked.get(c.sessionId) ?? 0) + 1);
    }
    for (const [outcome, n] of strata) {
      const counts = Array.from({ length: n }, (_, i) => picked.get(`${outcome}-${i}`) ?? 0);
      if (n <= SIZE) {
        expect(counts.every((c) => c === SEEDS)).toBe(true);
        continue;
      }
      const expected = (SEEDS * SIZE) / n;
      const chi = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
      expect(chi, `${outcome}: inclusion counts ${counts.join(', ')}`).toBeLessThan(chiSquareCritical(n - 1));
    }
  });

  it('validates its options', async () => {
    await expect(sampleCalls(events, { size: 0, seed: 1 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(sampleCalls(events, { size: 1, seed: 1.5 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(sampleCalls(events, { size: 1, seed: 1, per: 'day' as 'agent' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(sampleCalls(forged<AuditEvent[]>(42), { size: 1, seed: 1 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
