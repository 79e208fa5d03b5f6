import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian's chromium package puts the browser (not /usr/bin/chromium, a wrapper script that prints a warning). */
export const CHROMIUM_PATH = '/usr/lib/chromium/chromium';

/** Flags for a headless browser in a container: no sandbox (no user namespaces), no GPU, no background traffic. */
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Launches headless Chromium, or throws: a browser test must fail, never
 * skip, when the browser is missing (CI installs it).
 *
 * @example
 * ```ts
 * const browser = await launchChromium();
 * try { … } finally { await browser.close(); }
 * ```
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium is not installed at ${CHROMIUM_PATH} (apt-get install chromium): browser tests need it`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
}
