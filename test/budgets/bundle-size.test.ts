/**
 * Budgets on what browsers download, measured as `npm run bench` measures
 * them (bench/bundle.ts: esbuild in-process, browser platform, minified, all
 * dependencies bundled, gzip -9). Deterministic for a given tree: no timings.
 * Figures and what each part costs: BENCHMARKS.md.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_ENTRIES, BUDGETS, bundleDesktop, bundleEntry, type BrowserEntry, type BundleReport } from '../../bench/bundle.js';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const entries = Object.keys(BROWSER_ENTRIES) as BrowserEntry[];
let desktop: BundleReport;

beforeAll(async () => {
  desktop = await bundleDesktop();
}, 60_000);

describe('the desktop bundle (createCallSession, restoreCallSession, defineScript, actionEvent, httpVerifier, Polish prompts)', () => {
  it(`stays under its ceiling of ${kb(BUDGETS.desktopGzipCeiling)} min+gz (today's size plus a little: growth is a decision)`, () => {
    expect(desktop.gzip, `desktop bundle: ${kb(desktop.gzip)}`).toBeLessThanOrEqual(BUDGETS.desktopGzipCeiling);
  });

  // Issue 13's target. Missed today (BENCHMARKS.md says by how much and which API
  // decisions close most of the gap): `it.fails` passes while the bundle is over
  // 40 KB and fails once it fits — then make it a plain `it` and drop the ceiling.
  it.fails(`fits the ${kb(BUDGETS.desktopGzipTarget)} target of issue 13`, () => {
    expect(desktop.gzip).toBeLessThanOrEqual(BUDGETS.desktopGzipTarget);
  });

  it('imports no Node built-in', () => {
    expect(desktop.nodeImports).toEqual([]);
  });
});

describe.each(entries)('the %s entry, everything imported', (entry) => {
  let report: BundleReport;
  beforeAll(async () => {
    report = await bundleEntry(entry);
  }, 60_000);

  it(`stays under its ceiling (${kb(BUDGETS.entries[entry])} min+gz)`, () => {
    expect(report.gzip, `${entry}: ${kb(report.gzip)}`).toBeLessThanOrEqual(BUDGETS.entries[entry]);
  });

  it('imports no Node built-in (node:*): it runs in browsers', () => {
    expect(report.nodeImports).toEqual([]);
  });
});

describe('safecall-pl/pesel', () => {
  it('is the PESEL toolkit alone: no xstate, zod or date-fns', async () => {
    const report = await bundleEntry('safecall-pl/pesel');
    expect(report.inputs.filter((input) => /node_modules\/(xstate|zod|date-fns|@date-fns)\//.test(input))).toEqual([]);
  });
});
