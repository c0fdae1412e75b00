/**
 * The report's drawings over our own small documents and lifecycles: interventions read from a
 * lifecycle, the index's overview, the council's timeline, the two charts, and a report written
 * again into its folder leaving no page of the one before.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompareRow } from '../../src/diff/compare.js';
import { comparison } from '../../src/report/corpus.js';
import { interventionsOf } from '../../src/report/interventions.js';
import type { LifecycleEvent, SiteInput } from '../../src/report/model.js';
import { buildSite, siteDocuments, writeSite } from '../../src/report/site.js';
import type { DocumentRecord } from '../../src/record.js';
import { walkLinks } from './link-walker.js';
import { BORSETSHIRE, WESSEX, borsetshireCabinetReport, borsetshireNotice, wessexNotice } from './synthetic.js';

const event = (gss: string | null, date: string, name: string, sha256 = 'a'.repeat(64)): LifecycleEvent => ({ gss, date, event: name, sha256, clause: null, span: null });

describe('interventions read from a lifecycle', () => {
  test('a notice opens one, its lifting closes it; the same notice told again is the same intervention', () => {
    const found = interventionsOf(
      [event('E1', '2020-01-10', 'notice issued'), event('E1', '2020-02-01', 'plan submitted'), event('E1', '2020-01-10', 'notice issued'), event('E1', '2021-07-10', 'notice lifted')],
      '2026-12-01',
    );
    expect(found).toEqual([{ gss: 'E1', start: '2020-01-10', end: '2021-07-10', state: 'lifted', ongoing: false, startUnknown: false, months: expect.closeTo(18, 0) }]);
  });

  test('one still in force runs to today; a direction puts it under direction; a lifting without its notice has no start', () => {
    const found = interventionsOf(
      [event('E2', '2024-03-05', 'notice issued'), event('E3', '2019-05-16', 'direction issued'), event('E4', '2018-08-01', 'notice lifted'), event('E2', '2025-02-01', 'direction takes effect')],
      '2026-03-05',
    );
    expect(found.map(({ gss, state, ongoing, startUnknown, end }) => ({ gss, state, ongoing, startUnknown, end }))).toEqual([
      { gss: 'E4', state: 'lifted', ongoing: false, startUnknown: true, end: '2018-08-01' },
      { gss: 'E3', state: 'under direction', ongoing: true, startUnknown: false, end: '2026-03-05' },
      { gss: 'E2', state: 'under direction', ongoing: true, startUnknown: false, end: '2026-03-05' },
    ]);
    expect(found[2].months).toBeCloseTo(24, 0);
  });
});

/** The synthetic documents, each with a sha256 of its own, and a lifecycle over them as the corpus's view gives it. */
function drawnSite(): { input: SiteInput; files: Map<string, string> } {
  const withSha = (record: DocumentRecord, digit: string): DocumentRecord => ({ ...record, source: { ...record.source, sha256: digit.repeat(64) } });
  const notice = withSha(borsetshireNotice('notices/borsetshire-2023.txt'), '1');
  const report = withSha(borsetshireCabinetReport(), '2');
  const wessex = withSha(wessexNotice(), '3');
  const documents = siteDocuments([notice, report, wessex], () => null);
  const evidence = notice.fact_evidence.issued;
  const lifecycle: LifecycleEvent[] = [
    { gss: BORSETSHIRE.gss, date: '2023-02-06', event: 'inspection', sha256: '2'.repeat(64), clause: '1.1', span: report.clauses[0].span },
    { gss: BORSETSHIRE.gss, date: '2023-05-14', event: 'notice issued', sha256: '1'.repeat(64), clause: evidence.clause, span: evidence.span },
    // The same step told by the cabinet report too: one mark, with both documents.
    { gss: BORSETSHIRE.gss, date: '2023-05-14', event: 'notice issued', sha256: '2'.repeat(64), clause: '1.2', span: report.clauses[1].span },
    { gss: BORSETSHIRE.gss, date: '2024-06-30', event: 'plan deadline', sha256: '1'.repeat(64), clause: '3', span: notice.clauses[3].span },
    { gss: BORSETSHIRE.gss, date: '2025-01-20', event: 'notice lifted', sha256: '2'.repeat(64), clause: null, span: null },
    { gss: WESSEX.gss, date: '2021-01-09', event: 'notice issued', sha256: '3'.repeat(64), clause: null, span: wessex.fact_evidence.issued.span },
  ];
  const row = (record: DocumentRecord, months: number | null): CompareRow =>
    ({ council: record.council!.name, issued: record.facts.issued, inspection_report_published: null, plan_deadline: null, months_to_deadline: months, wording_variations: 0, sources: [record.source.path], ...record.features }) as CompareRow;
  const { columns, rows } = comparison([row(wessex, 13.5), row(notice, 14.9)], documents);
  const input: SiteInput = { documents, template: null, columns, comparison: rows, ingestErrors: [], lifecycle, source: 'test corpus', today: '2026-12-01' };
  return { input, files: buildSite(input) };
}

const { files } = drawnSite();
const index = files.get('index.html')!;
const borsetshire = files.get('councils/borsetshire-county-council.html')!;

/** The markup of the SVG with this id. */
function svg(page: string, id: string): string {
  const start = page.indexOf(`<svg id="${id}"`);
  expect(start).toBeGreaterThan(-1);
  return page.slice(start, page.indexOf('</svg>', start) + 6);
}

describe('drawings', () => {
  test('each has a title and a description that its aria-labelledby names, in a figure with a caption', () => {
    for (const [page, id] of [[index, 'overview'], [index, 'deadline-months'], [index, 'feature-matrix'], [borsetshire, 'timeline']] as const) {
      const drawing = svg(page, id);
      expect(drawing).toMatch(new RegExp(`role="img" aria-labelledby="${id}-title ${id}-desc"`));
      expect(drawing).toMatch(new RegExp(`<title id="${id}-title">[^<]+</title>`));
      expect(drawing).toMatch(new RegExp(`<desc id="${id}-desc">[^<]+</desc>`));
      expect(page).toContain(`<figure class="drawing" id="${id}-figure">`);
    }
  });

  test('the overview has a row per council with its state in words, and its start and length to sort by', () => {
    const overview = svg(index, 'overview');
    expect(overview.match(/<g class="overview-row"/g)).toHaveLength(2);
    expect(overview).toMatch(/data-start="2023-05-14" data-months="20\.\d" data-name="Borsetshire County Council"/);
    expect(overview).toContain('lifted after 20 months');
    expect(overview).toMatch(/data-start="2021-01-09" data-months="70\.\d" data-name="Wessex Borough Council"[\s\S]*in force, 71 months/);
    expect(overview).toContain('class="span state-in-force ongoing"');
    expect(overview).toContain('href="councils/borsetshire-county-council.html"');
    expect(index).toContain('data-sort-overview="length"');
  });

  test('the council timeline: one mark a step, in lanes by who took it, each linked to its clause, anomalies marked', () => {
    const timeline = svg(borsetshire, 'timeline');
    expect(timeline.match(/<a href=/g)).toHaveLength(4);
    expect(timeline).toContain('notice issued, 2023-05-14 !');
    expect(timeline).toMatch(/notice issued, 2023-05-14: Improvement notice: Borsetshire County Council[^<]*and 1 other document\. Anomalies: 14 May 2023 was a Sunday/);
    expect(timeline).toContain('href="../documents/borsetshire-cabinet-2023-txt.html#clause-1.1"');
    expect(timeline).toContain('href="../documents/borsetshire-2023-txt.html#clause-3"');
    for (const lane of ['Ofsted', 'Department for Education', 'the council']) expect(timeline).toContain(`class="lane-label">${lane}</text>`);
    expect(timeline).not.toContain('>press</text>');
    // Ofsted's steps are circles, the Department's squares, the council's diamonds (polygons).
    expect(timeline).toMatch(/<circle[^>]+class="mark"/);
    expect(timeline).toMatch(/<rect[^>]+class="mark"/);
    expect(timeline).toMatch(/<polygon[^>]+class="mark"/);
  });

  test('a council whose documents tell no step of an intervention gets its documents on the time axis instead', () => {
    const { input } = drawnSite();
    const page = buildSite({ ...input, lifecycle: input.lifecycle.filter((step) => step.gss !== WESSEX.gss) }).get('councils/wessex-borough-council.html')!;
    const timeline = svg(page, 'timeline');
    expect(timeline).toContain('Wessex Borough Council&#39;s documents over time: no step of an intervention');
    expect(timeline).toContain('improvement notice dated, 2021-01-09');
    expect(page).toContain('No steps of an intervention were found.');
  });

  test('the charts: months to the deadline by year with its median, and the features with their values in words', () => {
    const months = svg(index, 'deadline-months');
    expect(months).toMatch(/class="median-label">13\.5</);
    expect(months).toMatch(/class="median-label">14\.9</);
    expect(months).toContain('Wessex Borough Council: 13.5 months');
    const matrix = svg(index, 'feature-matrix');
    expect(matrix).toContain('<title>Wessex Borough Council: Board chair: independent</title>');
    expect(matrix).toMatch(/class="cell value-\d"><title>Wessex Borough Council: Review every: every 3 months \(P3M\)<\/title><rect[^>]+><\/rect><text[^>]+>3 months<\/text>/);
  });

  test('every link of the site resolves, the drawings’ included, and no id is used twice on a page', () => {
    const { broken, duplicateIds } = walkLinks(files);
    expect(broken).toEqual([]);
    expect(duplicateIds).toEqual([]);
  });
});

describe('writing the site again', () => {
  test('removes the pages of documents and councils that are gone, and nothing else', () => {
    const out = mkdtempSync(join(tmpdir(), 'notices-site-'));
    try {
      mkdirSync(join(out, 'documents'), { recursive: true });
      writeFileSync(join(out, 'documents', 'gone-notice-pdf.html'), '<p>old</p>');
      writeFileSync(join(out, 'documents', 'notes.txt'), 'the user’s own');
      writeSite(out, files);
      expect(existsSync(join(out, 'documents', 'gone-notice-pdf.html'))).toBe(false);
      expect(existsSync(join(out, 'documents', 'notes.txt'))).toBe(true);
      expect(existsSync(join(out, 'councils', 'borsetshire-county-council.html'))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('the feature matrix\'s colours (issue 25)', () => {
  test('"yes" and "no" are told apart without the colours of success and failure: a "no" is no failure', async () => {
    const { STYLESHEET } = await import('../../src/report/assets.js');
    const fill = (cls: string) => new RegExp(`svg \\.${cls} rect \\{ fill: #([0-9a-f]{6}); \\}`).exec(STYLESHEET)?.[1];
    const hue = (hex: string) => {
      const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
      const max = Math.max(r, g, b);
      const min = Math.min(r, g, b);
      if (max === min) return null;
      const h = max === r ? ((g - b) / (max - min)) % 6 : max === g ? (b - r) / (max - min) + 2 : (r - g) / (max - min) + 4;
      return ((h * 60) + 360) % 360;
    };
    const [yes, no] = [fill('value-yes'), fill('value-no')];
    expect(yes && no && yes !== no).toBeTruthy();
    // Neither a red (a failure's, around 0°) nor a green (a pass's, around 120°).
    for (const colour of [yes!, no!]) {
      const h = hue(colour);
      if (h !== null) expect(h > 20 && (h < 90 || h > 150) && h < 340).toBe(true);
    }
  });
});
