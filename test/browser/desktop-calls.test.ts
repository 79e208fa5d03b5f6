import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CUSTOMERS } from '../../examples/verifier-server/customers.js';
import { callbackPlanner } from '../../src/callback/index.js';
import { defineScript } from '../../src/script/index.js';
import { ROOT } from '../desktop/build.js';
import { customer, digitAt, startHarness, WAIT, type DesktopHarness, type DesktopPage } from './desktop.js';

declare global {
  interface Window {
    /** What the page wrote while keypad digits arrived (the keypad test). */
    keypadRecords?: string[];
  }
}

/**
 * The calls that do not go to plan, on the agent desktop in headless
 * Chromium against the demo server (in-process, so the test can take it
 * down): wrong digits, an unsafe place, a reload, a server outage, and
 * digits from the customer's keypad.
 */
describe('agent desktop: calls that do not go to plan', () => {
  let harness: DesktopHarness;

  beforeAll(async () => {
    harness = await startHarness();
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  });

  /** Introduce, purpose, caller ID, safe place, consent: all yes, by mouse. */
  async function toChallenge(desktop: DesktopPage): Promise<void> {
    for (const step of ['introduce', 'purpose', 'caller-id', 'safe-place', 'consent']) {
      await desktop.waitForStep(step);
      await desktop.answer('CONFIRM');
    }
    await desktop.waitForStep('pesel-digit');
  }

  it('wrong digits twice: the same positions both times, then failed; a new call is asked the same positions', async () => {
    const desktop = await harness.newPage();
    const piotr = customer('Piotr Wiśniewski');
    const bodies: string[] = [];
    desktop.page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/api/')) void response.text().then((text) => bodies.push(text), () => undefined);
    });
    await desktop.open();
    await desktop.start('fraud-alert', piotr);
    await toChallenge(desktop);

    // The first check is held on the network: the page waits, with nothing to answer twice.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let checks = 0;
    await desktop.page.route('**/api/calls/*/digits', async (route) => {
      checks++;
      if (checks === 1) await held;
      await route.continue();
    });
    const first = await desktop.clickDigits(piotr.pesel, true);
    await desktop.waitForStep('verifying');
    expect(await desktop.page.locator('.banner-pending').innerText()).toContain('Czekam na system weryfikacji');
    expect(await desktop.page.locator('.actions button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-event')))).toEqual(['HANG_UP']);
    await desktop.page.keyboard.press('5');
    await desktop.page.keyboard.press('y');
    await desktop.checkA11y();
    release();
    await expect.poll(() => desktop.note(), WAIT).toContain('Próba 2 z 2');
    expect(await desktop.positions()).toEqual(first);
    expect(await desktop.currentPosition()).toBe(first[0]);
    // A retry never says which digit was wrong.
    expect(await desktop.say()).toContain('zapytam o te same cyfry');
    await desktop.checkA11y('pesel-digit-retry');
    await desktop.clickDigits(piotr.pesel, true);

    await desktop.waitForStep('closing');
    expect(await desktop.outcome()).toBe('failed');
    expect(checks).toBe(2);
    await desktop.page.unroute('**/api/calls/*/digits');
    expect(await desktop.page.locator('section.outcome h2').innerText()).toBe('Weryfikacja nieudana');
    await desktop.checkA11y('closing-failed');
    await desktop.screenshot('wrong-twice-failed');

    // The service's ledger, not the desktop, remembers the unpassed challenge.
    await desktop.page.locator('section.outcome button').click();
    await desktop.page.locator('form.start-form').waitFor(WAIT);
    await desktop.start('fraud-alert', piotr);
    await toChallenge(desktop);
    expect(await desktop.positions()).toEqual(first);
    await desktop.screenshot('wrong-twice-new-call-same-positions');
    await desktop.page.keyboard.press('Shift+X');
    await desktop.waitForStep('closing');
    expect(await desktop.outcome()).toBe('abandoned');

    // Nothing the browser received holds a PESEL.
    await expect.poll(() => bodies.length).toBeGreaterThan(5);
    for (const c of DEMO_CUSTOMERS) for (const body of bodies) expect(body).not.toContain(c.pesel);
    expect(desktop.errors).toEqual([]);
  }, 120_000);

  it('"not a safe place": a refused time, then an offered slot; callback-scheduled in Warsaw time, from New York', async () => {
    const desktop = await harness.newPage({ timezoneId: 'America/New_York' });
    // Monday 23 November 2026, 14:00 in Warsaw (8:00 in New York).
    const now = Date.parse('2026-11-23T13:00:00Z');
    await desktop.page.clock.setFixedTime(now);
    const maria = customer('Maria Wójcik');
    const script = defineScript(JSON.parse(readFileSync(join(ROOT, 'examples/scripts/fraud-alert.json'), 'utf8')));
    const slots = callbackPlanner().suggest(script.callback, now, 'pl', 3);

    await desktop.open();
    await desktop.start('fraud-alert', maria);
    for (const step of ['introduce', 'purpose', 'caller-id']) {
      await desktop.waitForStep(step);
      await desktop.answer('CONFIRM');
    }
    await desktop.waitForStep('safe-place');
    await desktop.answer('DENY');

    await desktop.waitForStep('not-safe');
    const offered = await desktop.page.locator('.callback .action-row button').evaluateAll((buttons) => buttons.map((b) => b.querySelector('span')?.textContent));
    expect(offered).toEqual(slots.map((slot) => `Oddzwonić ${slot.spoken}`));
    expect(await desktop.page.locator('.callback .action-row button kbd').allInnerTexts()).toEqual(['1', '2', '3']);
    await desktop.checkA11y();

    // Sunday: the bank does not call; the page says why and offers times again.
    await desktop.page.locator('.callback input[type="datetime-local"]').fill('2026-11-29T10:00');
    await desktop.page.locator('.callback-other button[type=submit]').click();
    await desktop.waitForStep('callback');
    expect(await desktop.say()).toContain('tego dnia nie pracujemy');
    await desktop.checkA11y();

    // Key 1 takes the first time offered.
    await desktop.page.keyboard.press('1');
    await desktop.waitForStep('closing');
    expect(await desktop.outcome()).toBe('callback-scheduled');
    const offeredAgain = await desktop.page.locator('section.outcome dd').first().innerText();
    expect(await desktop.say()).toContain(`Zadzwonimy ${offeredAgain}`);
    const reference = await desktop.page.locator('section.outcome .reference').innerText();
    expect(reference).toMatch(/^[A-Z0-9-]{4,}$/);
    expect(await desktop.say()).toContain(reference);
    await desktop.checkA11y('closing-callback');
    await desktop.screenshot('not-safe-callback-scheduled');
    expect(desktop.errors).toEqual([]);
  }, 120_000);

  it('a reload in the middle of the challenge resumes on the same position with the same attempt; so does a switch to English', async () => {
    const desktop = await harness.newPage();
    const tomasz = customer('Tomasz Lewandowski');
    await desktop.open();
    await desktop.start('fraud-alert', tomasz);
    await toChallenge(desktop);
    const positions = await desktop.clickDigits(tomasz.pesel, true);
    await expect.poll(() => desktop.note(), WAIT).toContain('Próba 2 z 2');

    await desktop.page.reload();
    await desktop.waitForStep('pesel-digit');
    expect(await desktop.positions()).toEqual(positions);
    expect(await desktop.currentPosition()).toBe(positions[0]);
    expect(await desktop.note()).toContain('Próba 2 z 2');
    expect(await desktop.dots()).toBe(0);

    // A digit typed before the reload lived only in memory: the attempt restarts at its first position, still attempt 2.
    await desktop.page.locator('.pad button', { hasText: new RegExp(`^${digitAt(tomasz.pesel, positions[0]!)}$`) }).click();
    await expect.poll(() => desktop.dots()).toBe(1);
    await desktop.page.reload();
    await desktop.waitForStep('pesel-digit');
    expect(await desktop.currentPosition()).toBe(positions[0]);
    expect(await desktop.note()).toContain('Próba 2 z 2');

    // The same call in English: the same script id and version, read back from the service.
    await desktop.page.locator('.lang-option[lang="en"]').click();
    await expect.poll(() => desktop.page.getAttribute('html', 'lang'), WAIT).toBe('en');
    await expect.poll(() => desktop.note(), WAIT).toContain('Attempt 2 of 2');
    expect(await desktop.positions()).toEqual(positions);
    expect(await desktop.currentPosition()).toBe(positions[0]);

    await desktop.clickDigits(tomasz.pesel);
    await desktop.waitForStep('mutual');
    await desktop.screenshot('reload-resumed-then-verified-digits');
    expect(desktop.errors).toEqual([]);
  }, 120_000);

  it('the server goes down during a check: the retry prompt, then success once it is back', async () => {
    const desktop = await harness.newPage();
    const ewa = customer('Ewa Kamińska');
    await desktop.open();
    await desktop.start('fraud-alert', ewa);
    await toChallenge(desktop);

    await harness.server.stop();
    try {
      await desktop.clickDigits(ewa.pesel);
      await desktop.waitForStep('verifier-error');
      const alert = desktop.page.locator('.banner-error[role="alert"]');
      expect(await alert.innerText()).toContain('Serwer weryfikacji nie odpowiada');
      expect(await desktop.page.locator('.actions button[data-event="RETRY"]').innerText()).toContain('Spróbuj ponownie');
      await desktop.checkA11y();
      await desktop.screenshot('server-down-retry');
    } finally {
      await harness.server.restart();
    }
    await desktop.answer('RETRY');
    await desktop.waitForStep('mutual');
    expect(await desktop.page.locator('.banner-error').count()).toBe(0);
    expect(desktop.errors).toEqual([]);
  }, 120_000);

  it('signs in with the printed link only; a VIP substitute call, doubted, ends with the customer calling back', async () => {
    const desktop = await harness.newPage();
    await desktop.page.goto(harness.server.origin);
    await desktop.page.locator('input[type="password"]').waitFor(WAIT);
    await desktop.checkA11y('sign-in');
    await desktop.page.locator('input[type="password"]').fill('not-the-token');
    await desktop.page.locator('form button[type=submit]').click();
    await expect.poll(() => desktop.page.locator('.banner-error').innerText(), WAIT).toContain('Serwer odrzucił token');

    await desktop.open();
    expect(desktop.page.url()).not.toContain('token');
    await desktop.start('vip-substitute', customer('Anna Nowak'));
    await desktop.answer('CONFIRM');
    await desktop.waitForStep('vip-substitute');
    expect(await desktop.say()).toContain('Katarzyna Wiśniewska');
    await desktop.checkA11y();
    await desktop.answer('DENY');
    await desktop.waitForStep('closing');
    expect(await desktop.outcome()).toBe('customer-will-call-back');
    await desktop.checkA11y('closing-will-call-back');
    await desktop.screenshot('vip-substitute-doubted');
    expect(desktop.errors).toEqual([]);
  }, 120_000);

  it('keypad digits through connectKeypad answer the challenge and never reach the DOM', async () => {
    const desktop = await harness.newPage();
    const krzysztof = customer('Krzysztof Zieliński');
    const keypad = desktop.page.locator('[data-testid="customer-keypad"]');
    const key = (k: string) => keypad.getByRole('button', { name: k, exact: true });
    await desktop.open();
    await desktop.start('fraud-alert', krzysztof);
    for (const step of ['introduce', 'purpose', 'caller-id', 'safe-place']) {
      await desktop.waitForStep(step);
      await desktop.answer('CONFIRM');
    }
    await desktop.waitForStep('consent');

    // No digit is asked for yet: the key is dropped and reported as such.
    await key('5').click();
    await expect.poll(() => desktop.page.locator('.keypad-status').innerText()).toBe('Klawisz zignorowany: teraz nie pytamy o cyfrę.');
    await desktop.answer('CONFIRM');
    await desktop.waitForStep('pesel-digit');
    await expect.poll(() => desktop.page.locator('[data-recording]').getAttribute('data-recording')).toBe('paused');
    const positions = await desktop.positions();

    // Every text and attribute value the page writes from here until the check starts.
    await desktop.page.evaluate(() => {
      const records: string[] = [];
      const texts = (node: Node): string[] => {
        if (node instanceof Element) return [node.textContent ?? '', ...[node, ...Array.from(node.querySelectorAll('*'))].flatMap((el) => Array.from(el.attributes, (a) => a.value))];
        return [node.textContent ?? ''];
      };
      const observer = new MutationObserver((mutations) => {
        for (const m of mutations) {
          if (m.type === 'characterData') records.push(m.target.textContent ?? '');
          else if (m.type === 'attributes' && m.target instanceof Element) records.push(m.target.getAttribute(m.attributeName ?? '') ?? '');
          else m.addedNodes.forEach((node) => records.push(...texts(node)));
        }
        if (document.querySelector('main')?.getAttribute('data-step') !== 'pesel-digit') observer.disconnect();
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      window.keypadRecords = records;
    });
    const inputsHold = () => desktop.page.evaluate(() => Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'), (i) => i.value).join(''));

    for (const [i, position] of positions.entries()) {
      await expect.poll(() => desktop.currentPosition(), WAIT).toBe(position);
      await key(digitAt(krzysztof.pesel, position)).click();
      await expect.poll(() => desktop.page.locator('.keypad-status').innerText()).toBe('Odebrano cyfrę z klawiatury klienta.');
      if (i < positions.length - 1) {
        // One "•" per key, the count in words.
        await expect.poll(() => desktop.dots(), WAIT).toBe(i + 1);
        expect(await desktop.page.locator('.challenge-dot').allInnerTexts()).toEqual(positions.map((_, j) => (j <= i ? '•' : '')));
        expect(await inputsHold()).not.toMatch(/[0-9]/);
      }
    }
    await desktop.waitForStep('mutual');
    const records = await desktop.page.evaluate(() => window.keypadRecords ?? []);
    expect(records.length).toBeGreaterThan(0);
    expect(records.filter((text) => /[0-9]/.test(text))).toEqual([]);
    await desktop.screenshot('keypad-digits-verified');
    expect(desktop.errors).toEqual([]);
  }, 120_000);
});
