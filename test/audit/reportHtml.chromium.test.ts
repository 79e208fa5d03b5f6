import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { summarizeCalls } from '../../src/audit/index.js';
import { auditReportHtml } from '../../src/audit/node/index.js';
import { exampleScript, generateCalls, interleave } from '../support/auditFixtures.js';
import { launchChromium } from '../support/chromium.js';

const root = join(import.meta.dirname, '../..');
const ARTIFACT = join(root, 'test/artifacts/audit-report.png');
// The README's copy is refreshed on demand, so a test run does not rewrite a tracked file.
const README_IMAGE = process.env['UPDATE_DOCS_IMAGES'] ? join(root, 'docs/images/audit-report.png') : undefined;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'safecall-html-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const scripts = () => [exampleScript('fraud-alert'), exampleScript('loan-offer'), exampleScript('vip-substitute')];
const NAMES = ['anna.nowak', 'piotr.wiśniewski', 'zofia.łączyńska', 'jan.kowalski'];

/** A month of calls (4,000, 14 agents), summarised and written as a report; `agent13` names the last agent. */
async function report(name: string, agent13?: string): Promise<string> {
  const agentId = (i: number) => (i === 13 && agent13 ? agent13 : (NAMES[i] ?? `agent-${String(i).padStart(2, '0')}`));
  const events = [...interleave(generateCalls({ calls: 4000, seed: 2, agents: 14, gapMs: 600_000, agentId }))];
  const path = join(dir, name);
  await writeFile(path, auditReportHtml(summarizeCalls(events, { scripts: scripts() }), { title: 'Quality review — January 2026', sources: ['audit-2026-01.jsonl.gz'], generatedAt: new Date('2026-02-01T08:00:00Z') }));
  return pathToFileURL(path).href;
}

it('the HTML report renders in headless Chromium: five charts, no console error, no request but the file', async () => {
  const url = await report('report.html');
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(url, { waitUntil: 'load' });

    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.title()).toBe('Quality review — January 2026');
    const charts = await page.$$eval('h2[id] + p + *', (nodes) => nodes.map((n) => ({ tag: n.tagName.toLowerCase(), width: n.getBoundingClientRect().width, height: n.getBoundingClientRect().height })));
    expect(charts).toHaveLength(5);
    for (const chart of charts) {
      expect(['svg', 'figure']).toContain(chart.tag);
      expect(chart.width).toBeGreaterThan(300);
      expect(chart.height).toBeGreaterThan(80);
    }
    // A dot per agent in the pass-rate chart, a line per measure over time.
    expect(await page.locator('#pass-rate + p + svg circle').count()).toBe(14);
    expect(await page.locator('#over-time + p + figure svg path[stroke]').count()).toBeGreaterThanOrEqual(2);

    await mkdir(join(root, 'test/artifacts'), { recursive: true });
    await page.screenshot({ path: ARTIFACT, fullPage: true });
    if (README_IMAGE) {
      await mkdir(join(root, 'docs/images'), { recursive: true });
      await page.setViewportSize({ width: 1100, height: 1500 });
      await page.screenshot({ path: join(dir, 'top.png') });
      await copyFile(join(dir, 'top.png'), README_IMAGE);
    }
  } finally {
    await browser.close();
  }
}, 120_000);

it('an agent id with markup and terminal escapes is inert text in the report', async () => {
  const url = await report('hostile.html', '<img src=x onerror="document.title=\'pwned\'">\u001b[31m');
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext()).newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(url, { waitUntil: 'load' });
    expect(await page.title()).toBe('Quality review — January 2026');
    expect(await page.locator('img').count()).toBe(0);
    expect(requests).toEqual([url]);
    expect(await page.locator('td', { hasText: '<img src=x onerror="document.title=\'pwned\'">\\x1b[31m' }).count()).toBe(1);
  } finally {
    await browser.close();
  }
}, 120_000);
