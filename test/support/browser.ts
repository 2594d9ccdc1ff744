/** Debian's Chromium driven by playwright-core, with the flags this workplace needs. */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { tempDir } from './core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A fresh profile each time (a persistent context on a new, empty user-data-dir). */
export async function launchBrowser(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(tempDir('vanthu-chromium-'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1366, height: 800 },
    locale: 'vi-VN',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Screenshots land in test-results/screenshots, to be looked at. */
export function screenshotPath(name: string): string {
  const dir = path.join(process.cwd(), 'test-results', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}

/** A fresh browser with one page opened at url, waiting up to 10 s for what the tests look for. */
export async function openPage(url: string): Promise<{ browser: BrowserContext; page: import('playwright-core').Page }> {
  const browser = await launchBrowser();
  const page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(url);
  return { browser, page };
}
