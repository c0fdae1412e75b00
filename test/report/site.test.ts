/**
 * The page generators over our own small documents: escaping, anchors, the redline's marks,
 * the comparison's links and filters, the council timeline, and every link resolving.
 */
import type { CompareRow } from '../../src/diff/compare.js';
import { comparison } from '../../src/report/corpus.js';
import { anchorId, clauseAnchor, escapeHtml } from '../../src/report/html.js';
import type { SiteInput } from '../../src/report/model.js';
import { redlineRows } from '../../src/report/redline.js';
import { buildSite, siteDocuments } from '../../src/report/site.js';
import type { DocumentRecord } from '../../src/record.js';
import { idsOf, walkLinks } from './link-walker.js';
import { BORSETSHIRE_DIFF, TEMPLATE, borsetshireCabinetReport, borsetshireNotice, wessexNotice } from './synthetic.js';

function compareRow(record: DocumentRecord, wording: number): CompareRow {
  const facts = record.facts as Record<string, string | null>;
  const features = record.features as Record<string, unknown>;
  return {
    council: record.council?.name ?? null,
    issued: facts.issued,
    inspection_report_published: facts.inspection_report_published,
    plan_deadline: facts.plan_deadline,
    months_to_deadline: facts.plan_deadline ? 14.9 : null,
    wording_variations: wording,
    sources: [record.source.path],
    ...features,
  } as CompareRow;
}

function siteFor(): { input: SiteInput; files: Map<string, string> } {
  const records = [borsetshireNotice('notices/borsetshire-2023.txt'), borsetshireNotice('notices/borsetshire-2023.pdf'), borsetshireCabinetReport(), wessexNotice()];
  const documents = siteDocuments(records, (record) => (record.council?.gss === records[0].council?.gss && record.kind === 'improvement_notice' ? BORSETSHIRE_DIFF : null));
  const { columns, rows } = comparison([compareRow(records[0], 1), compareRow(records[3], 0)], documents);
  const input: SiteInput = { documents, template: TEMPLATE, columns, comparison: rows, ingestErrors: [{ path: 'inbox/locked.pdf', code: 'encrypted', message: 'the PDF is encrypted' }], lifecycle: [], source: 'test corpus', today: '2026-12-01' };
  return { input, files: buildSite(input) };
}

/** The markup of the element with the given id (the element's opening tag to the next row). */
function rowOf(page: string, id: string): string {
  const start = page.indexOf(`id="${id}"`);
  expect(start).toBeGreaterThan(-1);
  return page.slice(start, page.indexOf('</tr>', start));
}

const { files } = siteFor();
const notice = files.get('documents/borsetshire-2023-txt.html')!;

describe('html helpers', () => {
  test('escapeHtml escapes markup and quotes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  test('anchor ids keep plain clause ids readable and encode everything else without collisions', () => {
    expect(clauseAnchor('5.b')).toBe('clause-5.b');
    expect(clauseAnchor('(iv)')).toBe('clause-_28_iv_29_');
    expect(anchorId('clause', 'a b')).not.toBe(anchorId('clause', 'a_20_b'));
    expect(clauseAnchor('1 "x" <y>')).toMatch(/^[A-Za-z0-9._-]+$/);
  });
});

describe('the site', () => {
  test('has an index, a page per document, a page per council and its assets', () => {
    expect([...files.keys()].sort()).toEqual([
      'assets/report.css',
      'assets/report.js',
      'councils/borsetshire-county-council.html',
      'councils/wessex-borough-council.html',
      'documents/borsetshire-2023-pdf.html',
      'documents/borsetshire-2023-txt.html',
      'documents/borsetshire-cabinet-2023-txt.html',
      'documents/wessex-2021-txt.html',
      'index.html',
    ]);
    expect(files.get('assets/report.css')).toContain('@media print');
  });

  test('escapes document text: a script in a clause is shown, never run', () => {
    for (const [path, contents] of files) {
      if (path.endsWith('.html')) expect(contents).not.toContain('<script>alert');
    }
    expect(notice).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; partners');
  });

  test('every link resolves to a file and an existing anchor, and no id repeats on a page', () => {
    const { links, broken, duplicateIds } = walkLinks(files);
    expect(links).toBeGreaterThan(50);
    expect(broken).toEqual([]);
    expect(duplicateIds).toEqual([]);
  });

  test('each page has one h1, landmarks, and headings that never skip a level', () => {
    for (const [path, contents] of files) {
      if (!path.endsWith('.html')) continue;
      const levels = [...contents.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
      expect(levels.filter((l) => l === 1)).toHaveLength(1);
      levels.slice(1).forEach((level, i) => expect(level - levels[i]).toBeLessThanOrEqual(1));
      for (const landmark of ['<header', '<nav', '<main', '<footer']) expect(contents).toContain(landmark);
      expect(contents).toContain('<html lang="en-GB">');
    }
  });
});

describe('the redline page of a notice', () => {
  test('marks a wording change word by word, with text markers as well as colour', () => {
    const row = rowOf(notice, 'clause-2');
    expect(row).toContain('Wording changed');
    expect(row).toMatch(/<del>.*\[−.*with an independent chair.*−\].*<\/del>/);
    expect(row).toMatch(/<ins>.*\[\+.*chaired by a DfE-appointed adviser.*\+\].*<\/ins>/);
    expect(row).toContain('Feature differs: board_chair');
  });

  test('shows parameter fills apart from wording changes', () => {
    const row = rowOf(notice, 'clause-1');
    expect(row).toContain('Parameters filled');
    expect(row).toMatch(/<mark class="param">.*2 April 2023.*⟨inspection_report_date⟩/);
    expect(row).toContain('<span class="placeholder"><span class="sr-only">placeholder </span>{{inspection_report_date}}</span>');
    expect(row).not.toMatch(/<ins>|<del>/);
    expect(rowOf(notice, 'clause-3')).toMatch(/<mark class="param">.*the end of June 2024/);
  });

  test('shows removed and added clauses as such, each with its own anchor', () => {
    expect(rowOf(notice, 'template-clause-4')).toMatch(/Removed clause.*The Department will attend the board\..*Removed: this notice has no such clause/);
    expect(rowOf(notice, clauseAnchor('(iv)'))).toMatch(/Added clause.*Not in the template\..*The council will publish its minutes\./);
    expect(rowOf(notice, 'clause-2.a')).toContain('Same as template');
  });

  test('shows a notice clause that words two template clauses once, the second row pointing to it', () => {
    const record = borsetshireNotice('notices/borsetshire-2023.txt');
    const pairs = [
      { template_clause: '2', notice_clause: '2', confidence: 0.6 },
      { template_clause: '2.a', notice_clause: '2', confidence: 0.6 },
    ];
    const rows = redlineRows(record.clauses, TEMPLATE, { ...BORSETSHIRE_DIFF, pairs, variations: [] });
    expect(rows.slice(0, 2).map((row) => [row.template?.id, row.notice?.id, row.status])).toEqual([
      ['2', '2', 'same'],
      ['2.a', '2', 'joined'],
    ]);
    // The clauses the diff left out still get rows, so every clause keeps its anchor.
    expect(rows.slice(2).map((row) => row.notice?.id)).toEqual(['1', '2.a', '3', '(iv)']);
  });

  test('gives each clause its page in the source', () => {
    expect(rowOf(notice, 'clause-1')).toContain('(p. 1)');
    expect(rowOf(notice, 'clause-2')).toContain('(p. 2)');
  });

  test('lists the feature differences first, each linked to its clause', () => {
    const features = notice.indexOf('id="feature-differences"');
    expect(features).toBeGreaterThan(-1);
    expect(features).toBeLessThan(notice.indexOf('id="redline"'));
    const section = notice.slice(features, notice.indexOf('</table>', features));
    expect(section).toMatch(/Board chair<\/th><td>independent<\/td><td>dfe appointed adviser<\/td><td><a href="#clause-2">clause 2<\/a>/);
    expect(section).toMatch(/Department at board.*<a href="#template-clause-4">template clause 4<\/a> \(not in this notice\)/);
  });

  test('marks each anomaly where it was found in the text', () => {
    expect(notice).toMatch(/<mark class="anomaly"><span class="sr-only">anomaly weekday_mismatch: <\/span>Monday 14 May 2023/);
    expect(notice).toContain('weekday_mismatch');
  });
});

describe('the index', () => {
  const index = files.get('index.html')!;

  test('has a sortable comparison table with a header per column and aria-sort on each', () => {
    const table = index.slice(index.indexOf('<table id="comparison"'), index.indexOf('</table>', index.indexOf('<table id="comparison"')));
    expect(table).toContain('data-sortable');
    expect(table).toContain('<caption>');
    const headers = [...table.matchAll(/<th scope="col" aria-sort="none"><button type="button">([^<]+)<\/button>/g)].map((m) => m[1]);
    expect(headers).toEqual(expect.arrayContaining(['Council', 'Issued', 'Plan deadline', 'Board chair', 'Wording variations']));
    expect(table.match(/<tr><th scope="row"/g)).toHaveLength(2);
  });

  test('links each value to the clause it was read from', () => {
    expect(index).toContain('href="documents/borsetshire-2023-txt.html#clause-1">2023-04-02</a>');
    expect(index).toContain('href="documents/borsetshire-2023-txt.html#clause-2">dfe appointed adviser</a>');
    // The issue date stands in the preamble, not a clause: the link goes to its paragraph.
    expect(index).toMatch(/href="documents\/borsetshire-2023-txt\.html#at-\d+">2023-05-14<\/a>/);
    expect(index).toContain('href="documents/borsetshire-2023-txt.html#redline">1</a>');
  });

  test('sorts durations by length and dates as written', () => {
    expect(index).toMatch(/data-sort="91" data-value="P3M"/);
    expect(index).toMatch(/data-sort="2021-01-09" data-value="2021-01-09"/);
  });

  test('offers a filter per feature with the values present', () => {
    const select = index.slice(index.indexOf('id="filter-board_chair"'), index.indexOf('</select>', index.indexOf('id="filter-board_chair"')));
    expect(select).toContain('<option value="">any</option>');
    expect(select).toContain('<option value="dfe_appointed_adviser">dfe appointed adviser</option>');
    expect(select).toContain('<option value="independent">independent</option>');
    expect(index).toContain('<label for="filter-board_chair">Board chair</label>');
  });

  test('summarises the corpus: documents by kind, councils, ingest errors with codes', () => {
    expect(index).toMatch(/Improvement notice<\/th><td>3<\/td>/);
    expect(index).toMatch(/Cabinet report<\/th><td>1<\/td>/);
    expect(index).toContain('href="councils/borsetshire-county-council.html">Borsetshire County Council</a></th><td>E10000099</td><td>3</td>');
    expect(index).toContain('<code>inbox/locked.pdf</code></th><td><code>encrypted</code>');
  });
});

describe('the council page', () => {
  const page = files.get('councils/borsetshire-county-council.html')!;
  const rows = [...page.matchAll(/<tr><th scope="row"><time datetime="([^"]+)">[^<]*<\/time><\/th><td>([^<]+)<\/td>(.*?)<\/tr>/g)];

  test('lists the dated events of every document of the council, earliest first', () => {
    expect(rows.map((r) => [r[1], r[2]])).toEqual([
      ['2023-02-06', 'Inspection begins'],
      ['2023-02-17', 'Inspection ends'],
      ['2023-04-02', 'Inspection report published'],
      ['2023-05-14', 'Issued'],
      ['2024-06-30', 'Plan deadline'],
    ]);
  });

  test('merges the same event from two copies of a document, linking each to its clause', () => {
    const published = rows.find((r) => r[1] === '2023-04-02')![3];
    expect(published).toContain('href="../documents/borsetshire-2023-txt.html#clause-1"');
    expect(published).toContain('href="../documents/borsetshire-2023-pdf.html#clause-1"');
    const inspection = rows.find((r) => r[1] === '2023-02-06')![3];
    expect(inspection).toContain('href="../documents/borsetshire-cabinet-2023-txt.html#clause-1.1"');
  });

  test('shows costs and anomalies with their sources', () => {
    expect(page).toMatch(/£1,200,000<\/th><td>£1.2m<\/td><td><a href="..\/documents\/borsetshire-cabinet-2023-txt.html#clause-1.2">/);
    expect(page).toMatch(/weekday_mismatch.*href="..\/documents\/borsetshire-2023-txt.html#at-\d+"/);
    expect(idsOf(page)).toEqual(expect.arrayContaining(['lifecycle', 'dated-events', 'costs', 'anomalies']));
  });
});
