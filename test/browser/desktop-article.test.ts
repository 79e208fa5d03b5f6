import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customer, digitAt, DOCS_IMAGES, startHarness, WAIT, type DesktopHarness } from './desktop.js';

/**
 * The source article's call on the agent desktop, in headless Chromium,
 * against the real verification server over HTTP: first by mouse, like an
 * agent clicking (in Polish), then with the keyboard only (in English). Every
 * kind of screen passes axe without a serious or critical violation.
 *
 * The server is seeded like the article (its first challenge is 5, 8, 9), so
 * Jan Kowalski's call plays the article's dialogue: he asks for the last
 * three digits, the 9th is refused (he said it himself), 10 and 11 are read.
 */
describe('agent desktop: the article call', () => {
  let harness: DesktopHarness;

  beforeAll(async () => {
    harness = await startHarness();
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('plays to verified by clicking, with the reply, the refused 9th digit and only 10 and 11 revealed', async () => {
    const desktop = await harness.newPage();
    const jan = customer('Jan Kowalski');
    await desktop.open();
    await desktop.checkA11y('start');
    await desktop.start('fraud-alert', jan);

    // Polish by default; the line, the note apart, progress, the recording indicator.
    expect(await desktop.page.getAttribute('html', 'lang')).toBe('pl');
    expect(await desktop.say()).toContain('Anna Zielińska');
    expect(await desktop.say()).toContain('Janem Kowalskim');
    expect(await desktop.note()).toContain('Nie mów nic o sprawie');
    await expect.poll(() => desktop.page.locator('#progress-label').innerText()).toMatch(/^Krok 1 z \d+$/);
    expect(await desktop.page.locator('[data-recording]').getAttribute('data-recording')).toBe('active');
    await desktop.checkA11y();

    // A double click answers once: the second click would land on the next step's button.
    await desktop.page.locator('.actions button[data-event="CONFIRM"]').dblclick();
    await desktop.waitForStep('purpose');
    expect(await desktop.step()).toBe('purpose');
    await desktop.checkA11y();
    await desktop.answer('CONFIRM');

    // "Jakie to transakcje?" — the ready answer stands apart from the line to read.
    await desktop.waitForStep('caller-id');
    const reply = desktop.page.locator('section.reply');
    await expect.poll(() => reply.isVisible()).toBe(true);
    expect(await reply.innerText()).toContain('Wszystko opowiem');
    expect(await desktop.say()).toContain('Bank-kredyty');
    await desktop.checkA11y();
    await desktop.answer('CONFIRM');

    // The customer steps aside, comes back, and is somewhere safe now.
    await desktop.waitForStep('safe-place');
    await desktop.checkA11y();
    await desktop.answer('HOLD');
    await desktop.waitForStep('on-hold');
    await desktop.checkA11y();
    await desktop.answer('RESUME');
    await desktop.waitForStep('safe-place');
    await desktop.answer('CONFIRM');
    await desktop.waitForStep('consent');
    await desktop.checkA11y();
    await desktop.answer('CONFIRM');

    // The article's challenge: 5, 8, 9. Recording pauses while digits are given; none is shown.
    await desktop.waitForStep('pesel-digit');
    expect(await desktop.positions()).toEqual([5, 8, 9]);
    expect(await desktop.say()).toBe('Piąta cyfra?');
    await expect.poll(() => desktop.page.locator('[data-recording]').getAttribute('data-recording')).toBe('paused');
    await desktop.checkA11y();
    await desktop.page.locator('.pad button', { hasText: /^1$/ }).click();
    await expect.poll(() => desktop.dots()).toBe(1);
    await desktop.page.locator('.pad button', { hasText: /^3$/ }).click();
    await expect.poll(() => desktop.dots()).toBe(2);
    expect(await desktop.say()).toBe('A dziewiąta?');
    if (process.env['UPDATE_DOCS_IMAGES'] === '1') await desktop.screenshot('desktop-step', DOCS_IMAGES);
    await desktop.page.locator('.pad button', { hasText: /^8$/ }).click();

    // Mutual verification: "the last three digits" — the 9th is greyed, and choosing it says why.
    await desktop.waitForStep('mutual');
    await desktop.checkA11y();
    const nine = desktop.page.locator('.positions button[data-position="9"]');
    expect(await nine.getAttribute('aria-disabled')).toBe('true');
    // A real click: Playwright waits for aria-disabled controls to be enabled; an agent's mouse does not.
    await nine.click({ force: true });
    await expect.poll(() => desktop.page.locator('.picker-message').innerText()).toContain('Klient podał tę cyfrę w tej rozmowie');
    expect(await nine.getAttribute('aria-pressed')).toBeNull();
    const offered = await desktop.page.locator('.positions button:not([aria-disabled])').evaluateAll((buttons) => buttons.map((b) => Number(b.getAttribute('data-position'))));
    expect(offered).toEqual([7, 10, 11]);
    await desktop.page.locator('.positions button[data-position="10"]').click();
    await desktop.page.locator('.positions button[data-position="11"]').click();
    await desktop.page.locator('.picker button.btn-primary').click();

    // Only the allowed digits, large, on the reveal step only.
    await desktop.waitForStep('reveal');
    const revealed = await desktop.page.locator('.reveal-digit').evaluateAll((items) => items.map((i) => `${i.querySelector('dt')?.textContent}=${i.querySelector('dd')?.textContent}`));
    expect(revealed).toEqual([`10. cyfra=${digitAt(jan.pesel, 10)}`, `11. cyfra=${digitAt(jan.pesel, 11)}`]);
    expect(await desktop.page.locator('.reveal h2').innerText()).toBe('Przeczytaj te cyfry klientowi');
    await desktop.checkA11y();
    await desktop.answer('CONFIRM');
    await desktop.waitForStep('question');
    expect(await desktop.page.locator('.reveal').count()).toBe(0);

    // The other two questions.
    await desktop.checkA11y();
    await desktop.page.locator('input.answer-input').fill(jan.answers['account-opened-year']!);
    await desktop.page.locator('form.answer button[type=submit]').click();
    await expect.poll(() => desktop.say(), WAIT).toContain('W jakim mieście');
    await desktop.page.locator('input.answer-input').fill(jan.answers['home-city']!);
    await desktop.page.locator('form.answer button[type=submit]').click();

    await desktop.waitForStep('handoff');
    expect(await desktop.outcome()).toBe('verified');
    expect(await desktop.page.locator('section.outcome h2').innerText()).toBe('Klient zweryfikowany');
    await expect.poll(() => desktop.page.locator('[data-recording]').count()).toBe(1);
    await desktop.checkA11y();
    await desktop.screenshot('article-verified-by-mouse');
    if (process.env['UPDATE_DOCS_IMAGES'] === '1') await desktop.screenshot('desktop-verified', DOCS_IMAGES);

    // The service recorded it, not just the screen.
    const callId = await desktop.page.evaluate(() => (JSON.parse(sessionStorage.getItem('safecall.desktop.call') ?? '{}') as { snapshot?: { callId?: string } }).snapshot?.callId);
    expect(callId).toBeTruthy();
    expect((await harness.server.app.service.status(callId!)).outcome).toEqual({ kind: 'verified' });
    expect(desktop.errors).toEqual([]);
  }, 120_000);

  it('plays to verified with the keyboard only, in English', async () => {
    const desktop = await harness.newPage();
    const anna = customer('Anna Nowak');
    const { page } = desktop;
    await desktop.open();

    /** Tab until `selector` has focus (no more than 40 presses). */
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 40; i++) {
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`could not reach ${selector} with Tab`);
    };
    const press = async (key: string, next: string) => {
      await page.keyboard.press(key);
      await desktop.waitForStep(next);
    };

    // The English switch, the script (first in the list) and the customer: all by keyboard.
    await tabTo('.lang-option[lang="en"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await tabTo('form.start-form select:nth-of-type(2)');
    await page.keyboard.type('Anna');
    expect(await page.locator('form.start-form select').nth(1).inputValue()).toBe(anna.ref);
    await tabTo('form.start-form button[type=submit]');
    await page.keyboard.press('Enter');

    await desktop.waitForStep('introduce');
    expect(await desktop.say()).toContain('this is Anna Zielińska');
    expect(await page.locator('.actions button[data-event="CONFIRM"] kbd').innerText()).toBe('Y');
    expect(await page.locator('.actions button[data-event="HANG_UP"] kbd').innerText()).toBe('Shift+X');
    await press('y', 'purpose');
    await press('y', 'caller-id');
    await press('y', 'safe-place');
    await press('y', 'consent');
    await press('y', 'pesel-digit');

    const positions = await desktop.positions();
    for (const [i, position] of positions.entries()) {
      await expect.poll(() => desktop.currentPosition(), WAIT).toBe(position);
      await page.keyboard.press(digitAt(anna.pesel, position));
      if (i < positions.length - 1) await expect.poll(() => desktop.dots(), WAIT).toBe(i + 1);
    }

    // The picker: focus lands on the first position that may be asked for; Space selects, A asks.
    await desktop.waitForStep('mutual');
    const allowed = await page.locator('.positions button:not([aria-disabled])').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-position')));
    for (const position of allowed.slice(0, 2)) {
      await tabTo(`.positions button[data-position="${position}"]`);
      await page.keyboard.press('Space');
    }
    await expect.poll(() => page.locator('.positions button[aria-pressed="true"]').count()).toBe(2);
    await press('a', 'reveal');
    expect(await page.locator('.reveal h2').innerText()).toBe('Read these digits to the customer');
    await press('y', 'question');

    // The answer field takes focus; Enter records the answer.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('answer-input') ?? false)).toBe(true);
    await page.keyboard.type(anna.answers['account-opened-year']!);
    await page.keyboard.press('Enter');
    await expect.poll(() => desktop.say(), WAIT).toMatch(/city/i);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('answer-input') ?? false), WAIT).toBe(true);
    await page.keyboard.type(anna.answers['home-city']!);
    await page.keyboard.press('Enter');

    await desktop.waitForStep('handoff');
    expect(await desktop.outcome()).toBe('verified');
    expect(await page.locator('section.outcome h2').innerText()).toBe('Customer verified');
    await desktop.checkA11y('handoff-en');
    await desktop.screenshot('article-verified-by-keyboard-en');
    expect(desktop.errors).toEqual([]);
  }, 120_000);
});
