import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

/**
 * The Chromium to drive: $PERIODIZE_CHROMIUM, else Debian's package (`apt-get install -y chromium`,
 * which .ci/run installs when it is missing). playwright-core downloads no browser of its own.
 */
export function chromiumPath(): string {
  const candidates = [process.env.PERIODIZE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((path): path is string => path !== undefined && path !== '');
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) throw new Error(`no Chromium at ${candidates.join(' or ')}: install Debian's (apt-get install -y chromium) or set PERIODIZE_CHROMIUM to one`);
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'] });
}

/** A screenshot's height at most (px): the top of a long page, as a reader first sees it, and a README image of a few hundred kB. */
const MAX_SHOT_HEIGHT = 2400;

/** What a report page did in the browser: each chart's marks (or its error), every request beyond the file, every console error or warning. */
export interface PageVisit {
  charts: { id: string; marks: number; error: string | null }[];
  requests: string[];
  problems: string[];
}

/**
 * Opens a report page from disk, waits until every chart has been drawn (or failed), and reads
 * back what each drew; with `screenshot`, a full-page PNG of it at a printed page's width.
 */
export async function visitReport(browser: Browser, file: string, screenshot?: string): Promise<PageVisit> {
  const page = await browser.newPage({ viewport: { width: 1120, height: 900 }, deviceScaleFactor: 1 });
  const url = pathToFileURL(resolve(file)).href;
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => {
    if (request.url() !== url) requests.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  try {
    await page.goto(url);
    await page.waitForFunction(() => (globalThis as { reportDone?: Promise<unknown> }).reportDone !== undefined);
    await page.evaluate(() => (globalThis as unknown as { reportDone: Promise<unknown> }).reportDone);
    const charts = await page.$$eval('[data-chart]', (elements) =>
      elements.map((element) => ({ id: element.getAttribute('data-chart') ?? '', marks: Number(element.getAttribute('data-marks') ?? 0), error: element.getAttribute('data-error') })),
    );
    if (screenshot !== undefined) {
      const height = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document.documentElement.scrollHeight);
      await page.screenshot({ path: screenshot, fullPage: true, clip: { x: 0, y: 0, width: 1120, height: Math.min(height, MAX_SHOT_HEIGHT) } });
    }
    return { charts, requests, problems };
  } finally {
    await page.close();
  }
}
