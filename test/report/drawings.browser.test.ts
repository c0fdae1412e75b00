/**
 * The report's drawings and layout in Chromium AND Firefox (issue 17), both driven by
 * puppeteer-core (Debian's chromium over CDP, Debian's firefox-esr over WebDriver BiDi), the
 * site opened from disk. The index and every council page are measured at 1,400 × 900 and at
 * 800 × 900: no page overflows horizontally, the comparison fits its scroll region at 1,400 px
 * (and scrolls rather than clips at 800 px), every other table fits its container; every drawing
 * is labelled (title and desc named by aria-labelledby), big enough, draws something and is not
 * blank in a screenshot; links in drawings resolve; dates do not wrap, the header is sticky, the
 * column chooser hides and shows a column; nothing comes from the network.
 * The site is built once and each browser launched once; the pages are surveyed in beforeAll and
 * the tests check the survey, so a failing check still shows every other one's result.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { BROWSERS, guardedPage, imageStats, launch, type BrowserName, type GuardedPage, type ImageStats } from './browsers.js';
import { buildFixtureSite, type FixtureSite } from './fixture-site.js';
import { idsOf } from './link-walker.js';

const VIEWPORTS = [
  { width: 1400, height: 900 },
  { width: 800, height: 900 },
] as const;
const WIDE = 1400;
/** A page of the site loads from disk in well under a second; one that takes this long is stuck. */
const LOAD_TIMEOUT = 10_000;
const NARROW = 800;

const INDEX_DRAWINGS = ['overview', 'deadline-months', 'feature-matrix'];
const COUNCIL_DRAWINGS = ['timeline'];
const SHAPES = 'rect, circle, line, path, polygon';

interface TableFit {
  label: string;
  width: number;
  containerWidth: number;
}

interface Drawing {
  id: string;
  labelledby: string[];
  titleId: string;
  title: string;
  descId: string;
  desc: string;
  /** Ids named by aria-labelledby that name no element, or an empty one. */
  unresolved: string[];
  width: number;
  height: number;
  shapes: number;
}

interface Comparison {
  inRegion: boolean;
  regionScrollWidth: number;
  regionClientWidth: number;
  tableWidth: number;
  overflowX: string;
  dateCells: number;
  /** Date cells whose text takes more than one line: text, lines, height, line height. */
  wrappedDates: string[];
}

interface Measure {
  /** Resources the page fetched (Resource Timing) that are neither file:// nor data: URLs. */
  offSite: string[];
  /** How many closed <details> were opened before measuring. */
  openedDetails: number;
  innerWidth: number;
  clientWidth: number;
  scrollWidth: number;
  comparison: Comparison | null;
  tables: TableFit[];
  drawings: Drawing[];
  /** Every link inside any svg of the page (role="img" or not): the svg's id and the href. */
  svgLinks: { svg: string; href: string }[];
  /** How many elements carry each required drawing's id (one, the svg, is right). */
  idCounts: Record<string, number>;
  /** Required drawing ids with an `svg#id` inside `figure.drawing#id-figure` with a non-empty figcaption. */
  inFigure: Record<string, boolean>;
}

/** Runs in the page: every number the layout and drawing checks need. Self-contained (it is serialised). */
const measure = (required: string[], shapes: string): Measure => {
  const round = (n: number): number => Math.round(n * 10) / 10;
  // Open every <details> first: what a reader can open must fit too (tables sit in some).
  const closed = [...document.querySelectorAll('details:not([open])')] as HTMLDetailsElement[];
  for (const details of closed) details.open = true;
  const root = document.documentElement;
  const table = document.querySelector<HTMLTableElement>('table#comparison');
  let comparison: Comparison | null = null;
  if (table) {
    const region = table.closest<HTMLElement>('div.table-scroll') ?? table.parentElement!;
    const wrappedDates: string[] = [];
    const dates = [...table.querySelectorAll<HTMLElement>('td[data-type="date"]')];
    for (const cell of dates) {
      const text = (cell.textContent ?? '').trim();
      if (text === '' || cell.offsetParent === null) continue;
      const tops: number[] = [];
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if ((node.textContent ?? '').trim() === '') continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) if (rect.width > 0 && rect.height > 0) tops.push(rect.top);
      }
      tops.sort((a, b) => a - b);
      let lines = tops.length ? 1 : 0;
      for (let i = 1; i < tops.length; i += 1) if (tops[i] - tops[i - 1] > 4) lines += 1;
      const range = document.createRange();
      range.selectNodeContents(cell);
      const height = range.getBoundingClientRect().height;
      const style = getComputedStyle(cell);
      const lineHeight = style.lineHeight === 'normal' ? parseFloat(style.fontSize) * 1.2 : parseFloat(style.lineHeight);
      if (lines > 1 || height >= 1.6 * lineHeight) wrappedDates.push(`"${text}": ${lines} lines, ${round(height)} px high, line height ${round(lineHeight)} px`);
    }
    comparison = {
      inRegion: region.matches('div.table-scroll'),
      regionScrollWidth: region.scrollWidth,
      regionClientWidth: region.clientWidth,
      tableWidth: round(table.getBoundingClientRect().width),
      overflowX: getComputedStyle(region).overflowX,
      dateCells: dates.length,
      wrappedDates,
    };
  }
  const tables: TableFit[] = [...document.querySelectorAll<HTMLTableElement>('table')]
    .filter((t) => t !== table && t.offsetParent !== null)
    .map((t, i) => {
      const container = t.parentElement!;
      const caption = t.caption?.textContent?.trim().slice(0, 60);
      return {
        label: t.id ? `table#${t.id}` : caption ? `table "${caption}"` : `table ${i + 1}`,
        width: round(Math.max(t.getBoundingClientRect().width, t.scrollWidth)),
        containerWidth: container.clientWidth,
      };
    });
  const drawings: Drawing[] = [...document.querySelectorAll<SVGSVGElement>('svg[role="img"]')].map((svg) => {
    const labelledby = (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
    const title = svg.querySelector(':scope > title');
    const desc = svg.querySelector(':scope > desc');
    const box = svg.getBoundingClientRect();
    return {
      id: svg.id,
      labelledby,
      titleId: title?.id ?? '',
      title: (title?.textContent ?? '').trim(),
      descId: desc?.id ?? '',
      desc: (desc?.textContent ?? '').trim(),
      unresolved: labelledby.filter((id) => !(document.getElementById(id)?.textContent ?? '').trim()),
      width: round(box.width),
      height: round(box.height),
      shapes: svg.querySelectorAll(shapes).length,
    };
  });
  const svgLinks = [...document.querySelectorAll('svg a')].map((a) => ({
    svg: a.closest('svg')?.id ?? '',
    href: a.getAttribute('href') ?? a.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? '',
  }));
  const idCounts: Record<string, number> = {};
  const inFigure: Record<string, boolean> = {};
  for (const id of required) {
    idCounts[id] = document.querySelectorAll(`[id="${id}"]`).length;
    const figure = document.querySelector(`figure.drawing[id="${id}-figure"]`);
    inFigure[id] = !!figure?.querySelector(`svg[id="${id}"]`) && !!(figure.querySelector('figcaption')?.textContent ?? '').trim();
  }
  const offSite = performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => !url.startsWith('file:') && !url.startsWith('data:'));
  return { offSite, innerWidth: window.innerWidth, clientWidth: root.clientWidth, scrollWidth: root.scrollWidth, openedDetails: closed.length, comparison, tables, drawings, svgLinks, idCounts, inFigure };
};

interface Shot {
  page: string;
  id: string;
  stats?: ImageStats;
  error?: string;
}

interface Survey {
  /** page (relative to the site) → viewport width → measurements */
  pages: Map<string, Map<number, Measure>>;
  shots: Shot[];
  seconds: number;
  /** Pages that did not finish loading in LOAD_TIMEOUT ms (measured all the same). */
  stalled: string[];
  /** Seconds spent in each step of the survey. */
  steps: { open: number; measure: number; screenshot: number; decode: number };
}

interface Session {
  browser: Browser;
  tab: GuardedPage;
  survey: Survey;
}

let site: FixtureSite;
let pagePaths: string[];
const sessions = new Map<BrowserName, Session | Error>();
/** Every browser launched, closed in afterAll even when a survey failed or timed out. */
const launched = new Set<Browser>();

const urlOf = (path: string): string => pathToFileURL(join(site.out, path)).href;
const requiredOn = (path: string): string[] => (path === 'index.html' ? INDEX_DRAWINGS : COUNCIL_DRAWINGS);

/** Fails after `ms` instead of waiting for ever (a screenshot has no timeout of its own). */
async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Opens every page at each viewport in turn (one pass per viewport, the tab resized between
 * passes) and measures it; at the wide one, also screenshots every drawing. Every measurement is
 * of a page loaded at its size: Firefox keeps a table at its old width when puppeteer resizes the
 * viewport under a loaded page (measured: 1352 px in a 740 px container). One tab, not one per
 * viewport side by side: with two tabs working at once Firefox took over a second a page (the
 * screenshots in the tab in the background), and one such run hung.
 */
async function surveyPages(page: Page, survey: Survey): Promise<void> {
  const timed = async <T>(step: keyof Survey['steps'], work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      survey.steps[step] += (performance.now() - started) / 1000;
    }
  };
  for (const viewport of VIEWPORTS) {
    await page.setViewport(viewport);
    for (const path of pagePaths) {
      try {
        await timed('open', () => page.goto(urlOf(path), { waitUntil: 'load', timeout: LOAD_TIMEOUT }));
      } catch (error) {
        if (!(error instanceof Error && error.name === 'TimeoutError')) throw error;
        // Firefox holds some intercepted requests that are not file:// (an <img> from the
        // network, for one) without reporting them, and the page never loads. Measure it as it
        // is; give up after a few such pages rather than wait on every one.
        survey.stalled.push(`${path} at ${viewport.width}px`);
        if (survey.stalled.length >= 3) throw new Error(`pages did not finish loading in ${LOAD_TIMEOUT} ms: ${survey.stalled.join(', ')} (is a request leaving the machine?)`);
      }
      const measured = await timed('measure', () => page.evaluate(measure, requiredOn(path), SHAPES));
      if (!survey.pages.has(path)) survey.pages.set(path, new Map());
      survey.pages.get(path)!.set(viewport.width, measured);
      if (viewport.width !== WIDE) continue;
      // Each drawing's handle by a plain evaluateHandle: page.$$ costs ~170 ms a page in Firefox.
      for (const [i, { id }] of measured.drawings.entries()) {
        try {
          const handle = (await page.evaluateHandle((j) => document.querySelectorAll('svg[role="img"]')[j], i)).asElement();
          if (!handle) throw new Error('the drawing is gone');
          const png = await timed('screenshot', () => within(20_000, `screenshot of ${path} svg#${id}`, handle.screenshot({ type: 'png' })));
          survey.shots.push({ page: path, id, stats: await timed('decode', () => imageStats(png)) });
        } catch (error) {
          survey.shots.push({ page: path, id, error: String(error) });
        }
      }
    }
  }
  await page.setViewport(VIEWPORTS[0]);
}

async function openSession(name: BrowserName): Promise<Session> {
  const started = performance.now();
  const browser = await launch(name);
  launched.add(browser);
  try {
    const tab = await guardedPage(browser, VIEWPORTS[0].width, VIEWPORTS[0].height);
    const survey: Survey = { pages: new Map(), shots: [], stalled: [], seconds: 0, steps: { open: 0, measure: 0, screenshot: 0, decode: 0 } };
    await surveyPages(tab.page, survey);
    survey.seconds = (performance.now() - started) / 1000;
    printWidths(name, survey);
    return { browser, tab, survey };
  } catch (error) {
    launched.delete(browser);
    await browser.close();
    throw error;
  }
}

// The site is built once; both browsers are launched once and survey it at the same time.
beforeAll(async () => {
  site = buildFixtureSite();
  const councils = readdirSync(join(site.out, 'councils')).filter((f) => f.endsWith('.html')).sort();
  pagePaths = ['index.html', ...councils.map((f) => `councils/${f}`)];
  const opened = await Promise.allSettled(BROWSERS.map((name) => openSession(name)));
  BROWSERS.forEach((name, i) => {
    const result = opened[i];
    sessions.set(name, result.status === 'fulfilled' ? result.value : result.reason instanceof Error ? result.reason : new Error(String(result.reason)));
  });
}, 240_000);

afterAll(async () => {
  await Promise.allSettled([...launched].map((browser) => browser.close()));
});

function printWidths(name: BrowserName, survey: Survey): void {
  const steps = Object.entries(survey.steps).map(([step, seconds]) => `${step} ${seconds.toFixed(1)} s`).join(', ');
  const lines: string[] = [`[${name}] launched and surveyed ${pagePaths.length} pages at ${VIEWPORTS.map((v) => `${v.width}×${v.height}`).join(' and ')} in ${survey.seconds.toFixed(1)} s (${steps})`];
  for (const { width } of VIEWPORTS) {
    const index = survey.pages.get('index.html')?.get(width);
    if (index) {
      const c = index.comparison;
      const others = index.tables.map((t) => `${t.label} ${t.width}/${t.containerWidth}`).join('; ') || 'none';
      lines.push(
        `[${name} ${width}px] index.html (${index.openedDetails} details opened): page scrollWidth ${index.scrollWidth} / innerWidth ${index.innerWidth} (clientWidth ${index.clientWidth}); ` +
          (c ? `comparison region scrollWidth ${c.regionScrollWidth} / clientWidth ${c.regionClientWidth}, table ${c.tableWidth} px, overflow-x ${c.overflowX}` : 'no table#comparison') +
          `; other tables (width/container): ${others}`,
      );
    }
    const councils = [...survey.pages].filter(([p]) => p !== 'index.html').map(([p, m]) => [p, m.get(width)!] as const);
    if (councils.length) {
      const widest = councils.reduce((a, b) => (b[1].scrollWidth > a[1].scrollWidth ? b : a));
      const excess = councils.flatMap(([p, m]) => m.tables.map((t) => ({ p, t, over: t.width - t.containerWidth })));
      const worst = excess.reduce((a, b) => (b.over > a.over ? b : a), excess[0]);
      lines.push(
        `[${name} ${width}px] ${councils.length} council pages (${councils.reduce((n, [, m]) => n + m.openedDetails, 0)} details opened): page scrollWidth max ${widest[1].scrollWidth} (${widest[0]}) / innerWidth ${widest[1].innerWidth}; ` +
          `${excess.length} tables, widest relative to its container ${worst ? `${worst.t.width}/${worst.t.containerWidth} (${worst.p}, ${worst.t.label})` : 'n/a'}`,
      );
    }
  }
  process.stdout.write(lines.join('\n') + '\n');
}

describe.each(BROWSERS)('report drawings and layout in %s', (name) => {
  let survey: Survey;
  let tab: GuardedPage;
  let wide: Page;

  beforeAll(() => {
    const session = sessions.get(name);
    if (!session) throw new Error(`${name} was not opened`);
    if (session instanceof Error) throw session;
    ({ survey, tab } = session);
    wide = tab.page;
  });

  test('no page overflows at 1,400 or 800 px; at 1,400 px the comparison and every other table fit, at 800 px the comparison scrolls', () => {
    expect(survey.pages.size).toBe(pagePaths.length);
    const overflowing: string[] = [];
    const tooWide: string[] = [];
    for (const [path, byWidth] of survey.pages) {
      for (const [width, m] of byWidth) {
        if (m.scrollWidth > m.innerWidth) overflowing.push(`${path} at ${width}px: scrollWidth ${m.scrollWidth} > innerWidth ${m.innerWidth}`);
        if (width !== WIDE) continue;
        for (const t of m.tables) if (t.width > t.containerWidth + 1) tooWide.push(`${path}: ${t.label} ${t.width} px in ${t.containerWidth} px`);
      }
    }
    const wideIndex = survey.pages.get('index.html')!.get(WIDE)!.comparison;
    const narrowIndex = survey.pages.get('index.html')!.get(NARROW)!.comparison;
    const comparison: string[] = [];
    if (!wideIndex || !narrowIndex) comparison.push('index.html has no table#comparison');
    else {
      if (!wideIndex.inRegion) comparison.push('table#comparison is not inside div.table-scroll');
      if (wideIndex.regionScrollWidth > wideIndex.regionClientWidth + 1) comparison.push(`at ${WIDE}px the comparison is ${wideIndex.regionScrollWidth} px wide in a ${wideIndex.regionClientWidth} px region`);
      if (!['auto', 'scroll'].includes(narrowIndex.overflowX)) comparison.push(`at ${NARROW}px the comparison's region has overflow-x: ${narrowIndex.overflowX} (it must scroll, not clip)`);
    }
    expect({ overflowing, tooWide, comparison }).toEqual({ overflowing: [], tooWide: [], comparison: [] });
  });

  test('every drawing is labelled by its title and desc, at least 100 × 40 px, and draws something; each page has its drawings', () => {
    const problems: string[] = [];
    for (const [path, byWidth] of survey.pages) {
      for (const [width, m] of byWidth) {
        for (const d of m.drawings) {
          const where = `${path} at ${width}px, svg#${d.id || '(no id)'}`;
          if (!d.title) problems.push(`${where}: no title`);
          if (!d.desc) problems.push(`${where}: no desc`);
          if (!d.titleId || !d.labelledby.includes(d.titleId)) problems.push(`${where}: aria-labelledby "${d.labelledby.join(' ')}" does not name the title's id "${d.titleId}"`);
          if (!d.descId || !d.labelledby.includes(d.descId)) problems.push(`${where}: aria-labelledby "${d.labelledby.join(' ')}" does not name the desc's id "${d.descId}"`);
          if (d.unresolved.length) problems.push(`${where}: aria-labelledby names nothing (or nothing with text) for ${d.unresolved.join(', ')}`);
          if (d.width < 100 || d.height < 40) problems.push(`${where}: ${d.width} × ${d.height} px, under 100 × 40`);
          if (d.shapes < 1) problems.push(`${where}: draws no ${SHAPES}`);
        }
        const ids = new Set(m.drawings.map((d) => d.id));
        for (const id of requiredOn(path)) {
          if (!ids.has(id)) problems.push(`${path} at ${width}px: no svg#${id}[role=img]`);
          else if (m.idCounts[id] !== 1) problems.push(`${path} at ${width}px: ${m.idCounts[id]} elements have the id "${id}"`);
          if (!m.inFigure[id]) problems.push(`${path} at ${width}px: svg#${id} is not in figure.drawing#${id}-figure with a figcaption`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('links in drawings resolve to files of the site and ids in them; a timeline link opens its document', async () => {
    const broken: string[] = [];
    let links = 0;
    const idCache = new Map<string, Set<string>>();
    const idsIn = (target: string): Set<string> => {
      if (!idCache.has(target)) idCache.set(target, new Set(idsOf(readFileSync(join(site.out, target), 'utf8'))));
      return idCache.get(target)!;
    };
    let clickable: { path: string; href: string } | undefined;
    for (const [path, byWidth] of survey.pages) {
      for (const { svg, href } of byWidth.get(WIDE)!.svgLinks) {
        links += 1;
        const where = `${path} svg#${svg || '(no id)'}`;
        if (href === '' || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/')) {
          broken.push(`${where}: "${href}" is not a relative link`);
          continue;
        }
        const [pathPart, fragment] = href.split('#', 2);
        const target = pathPart === '' ? path : posix.normalize(posix.join(posix.dirname(path), decodeURIComponent(pathPart)));
        const file = join(site.out, target);
        if (target.startsWith('..') || !existsSync(file) || !statSync(file).isFile()) broken.push(`${where}: "${href}": no file ${target}`);
        else if (fragment !== undefined && fragment !== '' && !idsIn(target).has(decodeURIComponent(fragment))) broken.push(`${where}: "${href}": no id "${fragment}" in ${target}`);
        else if (!clickable && svg === 'timeline' && target.startsWith('documents/')) clickable = { path, href };
      }
    }
    process.stdout.write(`[${name}] ${links} links in drawings, ${broken.length} broken\n`);
    expect(links).toBeGreaterThan(0);
    expect(clickable).toBeDefined();

    // Click what a reader clicks: a painted part of the link (its label, else its mark), not the
    // middle of its bounding box, which in a drawing is often empty space.
    await wide.goto(urlOf(clickable!.path), { waitUntil: 'load' });
    let element: ElementHandle<Element> | null = null;
    for (const a of await wide.$$('svg#timeline a')) {
      const href = await a.evaluate((el) => el.getAttribute('href') ?? el.getAttributeNS('http://www.w3.org/1999/xlink', 'href'));
      if (href === clickable!.href) {
        element = (await a.$('text')) ?? (await a.$('rect, circle, path, polygon, line'));
        break;
      }
    }
    expect(element).not.toBeNull();
    await Promise.all([wide.waitForNavigation({ waitUntil: 'load', timeout: 10_000 }), element!.click()]);
    const expected = new URL(clickable!.href, urlOf(clickable!.path));
    const landed = new URL(wide.url());
    expect(landed.pathname).toBe(expected.pathname);
    expect(landed.pathname).toMatch(/\/documents\/[^/]+\.html$/);
    if (expected.hash) {
      expect(landed.hash).toBe(expected.hash);
      await expect(wide.evaluate((id) => document.getElementById(decodeURIComponent(id)) !== null, expected.hash.slice(1))).resolves.toBe(true);
    }
    expect(broken).toEqual([]);
  });

  test('screenshots of the drawings are not blank: two clearly different colours, none over 98 % of the pixels', () => {
    const blank: string[] = [];
    for (const shot of survey.shots) {
      const where = `${shot.page} svg#${shot.id}`;
      if (!shot.stats) {
        blank.push(`${where}: no screenshot (${shot.error})`);
        continue;
      }
      const s = shot.stats;
      if (s.dominantShare > 0.98 || s.distinctShare < 0.005 || s.colours < 2) {
        blank.push(`${where}: ${s.width}×${s.height}, ${s.colours} colours, ${s.dominant} on ${(s.dominantShare * 100).toFixed(1)} %, clearly different ${(s.distinctShare * 100).toFixed(2)} %`);
      }
    }
    const index = survey.shots.filter((s) => s.page === 'index.html' && s.stats);
    process.stdout.write(
      `[${name}] ${survey.shots.length} drawing screenshots, ${blank.length} blank or failed` +
        (index.length ? `; index: ${index.map((s) => `${s.id} ${s.stats!.width}×${s.stats!.height} ${s.stats!.colours} colours, dominant ${(s.stats!.dominantShare * 100).toFixed(1)} %`).join('; ')}` : '') +
        '\n',
    );
    const shot = new Set(survey.shots.map((s) => `${s.page} svg#${s.id}`));
    const expected = pagePaths.flatMap((p) => requiredOn(p).map((id) => `${p} svg#${id}`));
    expect({ missing: expected.filter((e) => !shot.has(e)), blank }).toEqual({ missing: [], blank: [] });
  });

  test("the comparison's dates do not wrap at 1,400 or 800 px", () => {
    for (const width of [WIDE, NARROW]) {
      const c = survey.pages.get('index.html')!.get(width)!.comparison;
      expect(c).not.toBeNull();
      expect(c!.dateCells).toBeGreaterThan(0);
      expect({ width, wrapped: c!.wrappedDates }).toEqual({ width, wrapped: [] });
    }
  });

  test("the comparison's header cells and first column are sticky, and the header stays in view when the table scrolls", async () => {
    await wide.goto(urlOf('index.html'), { waitUntil: 'load' });
    const styles = await wide.evaluate(() => {
      const table = document.querySelector<HTMLTableElement>('table#comparison');
      if (!table) return null;
      const position = (el: Element): string => getComputedStyle(el).position;
      return {
        header: [...table.querySelectorAll('thead th')].map(position),
        firstColumn: [...table.querySelectorAll('tbody tr')].map((row) => position((row as HTMLTableRowElement).cells[0])),
      };
    });
    expect(styles).not.toBeNull();
    expect(new Set(styles!.header)).toEqual(new Set(['sticky']));
    expect(new Set(styles!.firstColumn)).toEqual(new Set(['sticky']));

    // Scroll whatever scrolls the table vertically (its region if that scrolls, else the page) so
    // that its top is 300 px out of view; a sticky header stays at the top of what is visible.
    const header = await wide.evaluate(() => {
      const table = document.querySelector<HTMLTableElement>('table#comparison')!;
      const region = table.closest<HTMLElement>('div.table-scroll') ?? table.parentElement!;
      const th = table.querySelector('thead th')!;
      const regionScrolls = region.scrollHeight > region.clientHeight + 1 && ['auto', 'scroll'].includes(getComputedStyle(region).overflowY);
      if (regionScrolls) region.scrollTop = 300;
      else window.scrollTo(0, window.scrollY + table.getBoundingClientRect().top + 300);
      const visibleTop = Math.max(0, regionScrolls ? region.getBoundingClientRect().top : 0);
      const top = th.getBoundingClientRect().top;
      return { scrolled: regionScrolls ? 'region' : 'page', top: Math.round(top), visibleTop: Math.round(visibleTop) };
    });
    process.stdout.write(`[${name}] scrolled the ${header.scrolled} 300 px past the comparison's top: header at ${header.top} px, visible area from ${header.visibleTop} px\n`);
    expect(header.top).toBeGreaterThanOrEqual(header.visibleTop - 1);

    // At 800 px the region scrolls sideways; the first column stays at its left edge.
    await wide.setViewport(VIEWPORTS[1]);
    try {
      await wide.goto(urlOf('index.html'), { waitUntil: 'load' }); // loaded at 800 px, not resized under it
      const column = await wide.evaluate(() => {
        const table = document.querySelector<HTMLTableElement>('table#comparison')!;
        const region = table.closest<HTMLElement>('div.table-scroll') ?? table.parentElement!;
        region.scrollLeft = 200;
        const cell = table.tBodies[0].rows[0].cells[0];
        return { scrollLeft: region.scrollLeft, cellLeft: Math.round(cell.getBoundingClientRect().left), regionLeft: Math.round(region.getBoundingClientRect().left + region.clientLeft) };
      });
      process.stdout.write(`[${name}] at 800 px, scrolled the comparison ${column.scrollLeft} px sideways: first column at ${column.cellLeft} px, region's left edge at ${column.regionLeft} px\n`);
      expect(column.scrollLeft).toBeGreaterThan(0);
      expect(Math.abs(column.cellLeft - column.regionLeft)).toBeLessThanOrEqual(1);
    } finally {
      await wide.setViewport(VIEWPORTS[0]);
    }
  });

  test('unticking a box of the column chooser hides its column; ticking it shows it again', async () => {
    await wide.goto(urlOf('index.html'), { waitUntil: 'load' });
    const columns = await wide.evaluate(() => document.querySelector<HTMLTableElement>('table#comparison')?.rows[0]?.cells.length ?? 0);
    // The chooser may sit in a closed <details>: open it as a reader would, by its summary.
    const summary = await wide.$('details:not([open]):has(fieldset#column-chooser) > summary');
    if (summary) await summary.click();
    const boxes = await wide.$$('fieldset#column-chooser input[type="checkbox"][data-column]');
    expect(columns).toBeGreaterThan(1);
    expect(boxes.length).toBeGreaterThan(0);
    const state = (column: number) =>
      wide.evaluate((n) => {
        const rows = [...document.querySelector<HTMLTableElement>('table#comparison')!.rows];
        const cells = rows.map((row) => row.cells[n]).filter((cell): cell is HTMLTableCellElement => !!cell);
        const hidden = cells.filter((cell) => cell.hidden || getComputedStyle(cell).display === 'none' || !!cell.closest('[hidden]'));
        return { cells: cells.length, hidden: hidden.length };
      }, column);
    const covered: number[] = [];
    for (const box of boxes) {
      const { column, checked } = await box.evaluate((el) => ({ column: Number((el as HTMLInputElement).dataset.column), checked: (el as HTMLInputElement).checked }));
      covered.push(column);
      expect({ column, checked }).toEqual({ column, checked: true });
      expect(await state(column)).toEqual({ cells: expect.any(Number), hidden: 0 });
      await box.click();
      const off = await state(column);
      expect(off.cells).toBeGreaterThan(1);
      expect({ column, ...off }).toEqual({ column, cells: off.cells, hidden: off.cells });
      await box.click();
      expect({ column, ...(await state(column)) }).toEqual({ column, cells: off.cells, hidden: 0 });
    }
    // One box per column; the council's (0), the rows' header, may have none.
    const all = Array.from({ length: columns - 1 }, (_, i) => i + 1);
    process.stdout.write(`[${name}] column chooser${summary ? ' (opened from its summary)' : ''}: ${boxes.length} boxes for ${columns} columns; hid and showed columns ${covered.join(', ')}\n`);
    expect({ columnsWithoutBox: all.filter((i) => !covered.includes(i)) }).toEqual({ columnsWithoutBox: [] });
  });

  test('nothing is fetched from the network: every request is a file:// one (refused by interception, none in Resource Timing)', () => {
    const offSite = [...survey.pages].flatMap(([path, byWidth]) => [...byWidth].flatMap(([width, m]) => m.offSite.map((url) => `${path} at ${width}px: ${url}`)));
    expect({ refused: tab.refused, offSite, stalled: survey.stalled }).toEqual({ refused: [], offSite: [], stalled: [] });
  });
});
