/**
 * One harness for the report's browser tests in Chromium and in Firefox: puppeteer-core drives
 * Debian's chromium over CDP and Debian's firefox-esr over WebDriver BiDi (playwright's Firefox
 * needs its own patched build; stock Firefox speaks BiDi). Nothing is downloaded: both browsers
 * are the system's. Also: a page that refuses every request that is not file://, and the colour
 * statistics of a screenshot.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export type BrowserName = 'chrome' | 'firefox';

export const BROWSERS: BrowserName[] = ['chrome', 'firefox'];

const EXECUTABLES: Record<BrowserName, string> = {
  chrome: '/usr/bin/chromium',
  firefox: '/usr/bin/firefox-esr',
};

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function launch(name: BrowserName): Promise<Browser> {
  return puppeteer.launch({
    browser: name,
    executablePath: EXECUTABLES[name],
    headless: true,
    args: name === 'chrome' ? CHROMIUM_ARGS : [],
  });
}

export interface GuardedPage {
  page: Page;
  /** Every request the page made that was neither file:// nor data: (each one refused). */
  refused: string[];
}

/**
 * A page of the given size on which every request that is not a file:// one is refused and
 * recorded. data: URLs are let through unrecorded: they carry their bytes with them (Firefox's
 * own stylesheet loads its list-bullet font as one), so they fetch nothing.
 */
export async function guardedPage(browser: Browser, width: number, height: number): Promise<GuardedPage> {
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  const refused: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (url.startsWith('file:') || url.startsWith('data:')) {
      void request.continue();
    } else {
      refused.push(url);
      void request.abort('blockedbyclient');
    }
  });
  return { page, refused };
}

export interface ImageStats {
  width: number;
  height: number;
  pixels: number;
  /** Distinct RGB colours. */
  colours: number;
  /** Share of the pixels that have the most common colour. */
  dominantShare: number;
  dominant: string;
  /** Share of the pixels whose colour differs from the dominant one by at least 64 in some channel. */
  distinctShare: number;
}

/** Colour statistics of a PNG screenshot. */
export async function imageStats(png: Uint8Array): Promise<ImageStats> {
  const image = await loadImage(Buffer.from(png));
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  const counts = new Map<number, number>();
  for (let i = 0; i < data.length; i += 4) {
    const colour = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    counts.set(colour, (counts.get(colour) ?? 0) + 1);
  }
  let dominant = 0;
  let dominantCount = 0;
  for (const [colour, count] of counts) {
    if (count > dominantCount) [dominant, dominantCount] = [colour, count];
  }
  const channels = (c: number): [number, number, number] => [(c >> 16) & 255, (c >> 8) & 255, c & 255];
  const [dr, dg, db] = channels(dominant);
  let distinct = 0;
  for (const [colour, count] of counts) {
    const [r, g, b] = channels(colour);
    if (Math.max(Math.abs(r - dr), Math.abs(g - dg), Math.abs(b - db)) >= 64) distinct += count;
  }
  const pixels = data.length / 4;
  return {
    width: image.width,
    height: image.height,
    pixels,
    colours: counts.size,
    dominantShare: pixels ? dominantCount / pixels : 1,
    dominant: `#${dominant.toString(16).padStart(6, '0')}`,
    distinctShare: pixels ? distinct / pixels : 0,
  };
}
