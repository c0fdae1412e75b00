/**
 * The report in a real browser (Debian's chromium through playwright-core), opened from disk:
 * sorting the comparison, filtering by a feature, sorting the overview of interventions,
 * following Newham's row to its redline and
 * finding the board-chair variation on clause 5.b, and a screenshot that is not blank.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildFixtureSite, type FixtureSite } from './fixture-site.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let site: FixtureSite;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  site = buildFixtureSite();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // Nothing may come from the network: every request of the site is a file:// one.
  await page.route(/^(?!file:)/, (route) => route.abort());
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

const indexUrl = () => pathToFileURL(join(site.out, 'index.html')).href;

/** The data-sort values of a column of the comparison's visible rows, in display order. */
async function columnValues(column: number): Promise<string[]> {
  return page.$$eval(
    '#comparison tbody tr:not([hidden])',
    (rows, index) => rows.map((row) => (row as HTMLTableRowElement).cells[index].getAttribute('data-sort') ?? ''),
    column,
  );
}

async function headerIndex(label: string): Promise<number> {
  const labels = await page.$$eval('#comparison thead th', (cells) => cells.map((c) => c.textContent?.trim() ?? ''));
  const index = labels.indexOf(label);
  expect(index).toBeGreaterThan(-1);
  return index;
}

test('sorts the comparison by a column, both ways, keeping aria-sort right', async () => {
  await page.goto(indexUrl());
  const column = await headerIndex('Council');
  const header = page.locator('#comparison thead th').nth(column);
  const before = await columnValues(column);
  expect(before.length).toBeGreaterThanOrEqual(5);
  const ascending = [...before].sort((a, b) => a.localeCompare(b));
  expect(before).not.toEqual(ascending); // the page lists notices by issue date, so sorting must move rows

  await header.locator('button').click();
  expect(await header.getAttribute('aria-sort')).toBe('ascending');
  expect(await columnValues(column)).toEqual(ascending);

  await header.locator('button').click();
  expect(await header.getAttribute('aria-sort')).toBe('descending');
  expect(await columnValues(column)).toEqual([...ascending].reverse());
  const others = await page.$$eval('#comparison thead th', (cells, i) => cells.filter((_, j) => j !== i).map((c) => c.getAttribute('aria-sort')), column);
  expect(new Set(others)).toEqual(new Set(['none']));
});

test('sorts a date column in date order', async () => {
  await page.goto(indexUrl());
  const column = await headerIndex('Issued');
  await page.locator('#comparison thead th').nth(column).locator('button').click();
  const dates = (await columnValues(column)).filter((d) => d !== '');
  expect(dates.length).toBeGreaterThan(1);
  expect(dates).toEqual([...dates].sort());
});

test('filters the comparison by a feature', async () => {
  await page.goto(indexUrl());
  const column = await headerIndex('Board chair');
  const all = await page.locator('#comparison tbody tr').count();
  await page.selectOption('#filter-board_chair', 'independent');
  const shown = await page.$$eval('#comparison tbody tr:not([hidden])', (rows, i) => rows.map((r) => (r as HTMLTableRowElement).cells[i].getAttribute('data-value')), column);
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.length).toBeLessThan(all);
  expect(new Set(shown)).toEqual(new Set(['independent']));
  await expect(page.locator('.filters [role="status"]').textContent()).resolves.toBe(`${shown.length} of ${all} notices shown`);
});

test("follows Newham's row to its redline and finds the board-chair variation on clause 5.b", async () => {
  await page.goto(indexUrl());
  await page.locator('#comparison tbody th a', { hasText: 'London Borough of Newham' }).click();
  await page.waitForURL(/documents\/newham-notice-2019-(txt|pdf)\.html$/);
  expect(await page.locator('h1').textContent()).toContain('London Borough of Newham');

  const features = page.locator('#feature-differences + table tbody tr', { hasText: 'Board chair' });
  await expect(features.locator('td').nth(0).textContent()).resolves.toBe('independent');
  await expect(features.locator('td').nth(1).textContent()).resolves.toContain('dfe appointed adviser');
  await features.locator('a', { hasText: 'clause 5.b' }).click();
  expect(page.url()).toMatch(/#clause-5\.b$/);

  const clause = page.locator('[id="clause-5.b"]');
  await expect(clause.isVisible()).resolves.toBe(true);
  const text = (await clause.textContent()) ?? '';
  expect(text).toContain('Wording changed');
  expect(text).toContain('Feature differs: board_chair');
  await expect(clause.locator('td.notice ins', { hasText: 'appointed adviser' }).count()).resolves.toBeGreaterThan(0);
  await expect(clause.locator('td.template del', { hasText: 'independent' }).count()).resolves.toBeGreaterThan(0);
  expect(text).toMatch(/\(p\. \d+\)/);

  const screenshot = await page.screenshot({ fullPage: false });
  const image = await loadImage(screenshot);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  let sum = 0;
  let sumSquares = 0;
  const colours = new Set<number>();
  for (let i = 0; i < data.length; i += 4) {
    const grey = (data[i] + data[i + 1] + data[i + 2]) / 3;
    sum += grey;
    sumSquares += grey * grey;
    colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
  }
  const pixels = data.length / 4;
  const variance = sumSquares / pixels - (sum / pixels) ** 2;
  expect(image.width).toBe(1280);
  expect(variance).toBeGreaterThan(100);
  expect(colours.size).toBeGreaterThan(20);
});

test('sorts the overview of interventions by length and back by start', async () => {
  await page.goto(indexUrl());
  /** The rows' names in the order they are drawn, top to bottom, with their start and months. */
  const drawnRows = () =>
    page.$$eval('#overview g.overview-row', (rows) =>
      rows
        .map((row) => ({ y: Number(/translate\(0 ([\d.]+)\)/.exec(row.getAttribute('transform') ?? '')?.[1]), start: row.getAttribute('data-start') ?? '', months: Number(row.getAttribute('data-months')) }))
        .sort((a, b) => a.y - b.y),
    );
  const byStart = await drawnRows();
  expect(byStart.length).toBeGreaterThan(5);
  expect(byStart.map((r) => r.start)).toEqual([...byStart.map((r) => r.start)].sort());
  await page.click('button[data-sort-overview="length"]');
  const byLength = (await drawnRows()).map((r) => r.months);
  expect(byLength).toEqual([...byLength].sort((a, b) => b - a));
  expect(await page.getAttribute('button[data-sort-overview="length"]', 'aria-pressed')).toBe('true');
  await page.click('button[data-sort-overview="start"]');
  expect((await drawnRows()).map((r) => r.start)).toEqual(byStart.map((r) => r.start));
});
