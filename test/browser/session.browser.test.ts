import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The main entry in a real browser (Debian's Chromium, driven by playwright-core):
 * bundled for the browser platform, using the page's own `crypto`, in a time
 * zone far from Warsaw. CI installs Chromium and sets SAFECALL_BROWSER_TESTS=1;
 * elsewhere the test is skipped when no Chromium is found.
 */
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const required = process.env['SAFECALL_BROWSER_TESTS'] === '1';
const available = existsSync(executablePath);

describe.skipIf(!available && !required)('in a browser (Chromium)', () => {
  let browser: Browser;
  let bundle: string;

  beforeAll(async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./entry.ts', import.meta.url))],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    bundle = result.outputFiles[0]!.text;
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('bundles without any node: import', () => {
    expect(bundle).not.toMatch(/["']node:/);
  });

  it('plays a verified call with the browser crypto, and says times in Warsaw time from New York', async () => {
    const context = await browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ content: bundle });
    const script = JSON.parse(readFileSync(fileURLToPath(new URL('../../examples/scripts/fraud-alert.json', import.meta.url)), 'utf8')) as unknown;
    const result = await page.evaluate((s) => window.runCall(s), script);
    expect(errors).toEqual([]);
    expect(result.pesel).toBe(true);
    expect(result.masked).toBe('****1******');
    expect(result.steps[0]).toBe('introduce');
    expect(result.steps).toContain('pesel-digit');
    expect(result.steps).toContain('reveal');
    expect(result.outcome).toEqual({ kind: 'verified' });
    expect(result.says.at(-1)).toBe('Dziękuję, weryfikacja zakończona. Przejdźmy do sprawy, w której dzwonię.');
    expect(result.callback).toMatchObject({ kind: 'callback-scheduled', callback: { at: '2026-11-23T13:15:00.000Z', spoken: 'dziś o 14:15' } });
    await context.close();
  });
});
