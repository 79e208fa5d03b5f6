/**
 * Driving the agent desktop in headless Chromium against the demo server,
 * started in-process on a free port: one server and one browser per test
 * file, a fresh browser context (its own sessionStorage) per call.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { startDemoServer, type DemoServer } from '../../examples/verifier-server/server.js';
import { DEMO_CUSTOMERS, type DemoCustomer } from '../../examples/verifier-server/customers.js';
import { seededRandom } from '../../src/testing/seeded-random.js';
import { buildDesktop, ROOT } from '../desktop/build.js';
import { launchChromium } from '../support/chromium.js';

export const ARTIFACTS = join(ROOT, 'test/artifacts');
export const DOCS_IMAGES = join(ROOT, 'docs/images');

/** Generous: a busy 2-core machine builds, serves and renders at once. */
export const WAIT = { timeout: 15_000 };

export function customer(name: string): DemoCustomer {
  const found = DEMO_CUSTOMERS.find((c) => c.name === name);
  if (!found) throw new Error(`no demo customer ${name}`);
  return found;
}

/** The digit of `pesel` at `position`, or a wrong one. */
export const digitAt = (pesel: string, position: number, wrong = false): string => {
  const digit = Number(pesel[position - 1]);
  return String(wrong ? (digit + 1) % 10 : digit);
};

export interface DesktopHarness {
  server: DemoServer;
  browser: Browser;
  /** A new tab in a new context: nothing stored from other calls. */
  newPage(options?: { timezoneId?: string }): Promise<DesktopPage>;
  close(): Promise<void>;
}

/**
 * Builds the desktop (cached), starts the demo server with the article's
 * seed (the first call is asked 5, 8, 9) and launches Chromium — or fails:
 * a browser test never skips.
 */
export async function startHarness(): Promise<DesktopHarness> {
  const [{ dir }, browser] = await Promise.all([buildDesktop(), launchChromium()]);
  const server = await startDemoServer({ port: 0, desktopDir: dir, random: seededRandom(7), token: 'desktop-test-token' });
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'pl-PL', timezoneId: options.timezoneId ?? 'Europe/Warsaw' });
      contexts.push(context);
      const page = await context.newPage();
      return new DesktopPage(page, server);
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await server.stop();
    },
  };
}

const checked = new Set<string>();

export class DesktopPage {
  readonly errors: string[] = [];

  constructor(
    readonly page: Page,
    readonly server: DemoServer,
  ) {
    page.on('pageerror', (error) => this.errors.push(error.message));
  }

  async open(): Promise<void> {
    await this.page.goto(this.server.url);
    await this.page.locator('form.start-form').waitFor(WAIT);
  }

  /** Picks the script and the customer on the start screen and starts the call (by mouse). */
  async start(scriptId: string, who: DemoCustomer): Promise<void> {
    await this.page.locator('form.start-form select').nth(0).selectOption(scriptId);
    await this.page.locator('form.start-form select').nth(1).selectOption(who.ref);
    await this.page.locator('form.start-form button[type=submit]').click();
    await this.waitForStep('introduce');
  }

  main() {
    return this.page.locator('main#main');
  }

  async waitForStep(step: string): Promise<void> {
    await this.page.locator(`main[data-step="${step}"]`).waitFor(WAIT);
  }

  async step(): Promise<string | null> {
    return this.main().getAttribute('data-step');
  }

  async say(): Promise<string> {
    return (await this.page.locator('p.say').innerText()).trim();
  }

  async note(): Promise<string> {
    return (await this.page.locator('.note p').innerText()).trim();
  }

  /** Clicks the button of a prompt action. */
  async answer(event: string): Promise<void> {
    await this.page.locator(`.actions button[data-event="${event}"]`).click();
  }

  /** The positions of the current attempt, as the digit pad shows them. */
  async positions(): Promise<number[]> {
    await this.page.locator('.challenge').waitFor(WAIT);
    const texts = await this.page.locator('.challenge li').evaluateAll((items) => items.map((li) => li.querySelector('.challenge-position')?.textContent ?? ''));
    return texts.map((text) => Number(text.replace(/\D+/g, '')));
  }

  async currentPosition(): Promise<number> {
    const text = await this.page.locator('.challenge li[aria-current="step"] .challenge-position').textContent(WAIT);
    return Number((text ?? '').replace(/\D+/g, ''));
  }

  async dots(): Promise<number> {
    return this.page.locator('.challenge li.given').count();
  }

  /** Types the digits of `pesel` at the positions asked, on the agent's digit pad (mouse). */
  async clickDigits(pesel: string, wrong = false): Promise<number[]> {
    const positions = await this.positions();
    for (const [i, position] of positions.entries()) {
      await expect.poll(() => this.currentPosition(), WAIT).toBe(position);
      await this.page.locator('.pad button', { hasText: new RegExp(`^${digitAt(pesel, position, wrong)}$`) }).click();
      if (i < positions.length - 1) await expect.poll(() => this.dots(), WAIT).toBe(i + 1);
    }
    return positions;
  }

  /** The outcome panel's kind, once the call has ended. */
  async outcome(): Promise<string | null> {
    return this.page.locator('section.outcome').getAttribute('data-outcome', WAIT);
  }

  /** No serious or critical axe violation on this screen (each kind of screen is checked once per file). */
  async checkA11y(screen?: string): Promise<void> {
    const key = screen ?? (await this.step()) ?? 'page';
    if (checked.has(key)) return;
    checked.add(key);
    // Legacy mode runs axe in this page (no helper page per analysis): half the time on a busy machine, and the
    // desktop has no cross-origin frames, the one thing the default mode adds.
    // WCAG 2.1 A and AA: the accessibility standard a bank's desktop is held to (and fewer rules to run per screen).
    const results = await new AxeBuilder({ page: this.page }).setLegacyMode(true).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    expect(bad, `axe on ${key}`).toEqual([]);
  }

  async screenshot(name: string, dir = ARTIFACTS): Promise<void> {
    mkdirSync(dir, { recursive: true });
    await this.page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
  }
}
