/**
 * HTML input: a page's main content read as the normalised text's lines, whatever furniture
 * the page has around it; the same document as a web page and as text gives the same record.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../src/extract/index.js';
import { readPage } from '../../src/extract/html.js';
import { processBytes } from '../../src/pipeline.js';
import { canonical, project } from '../metamorphic/projection.js';
import { SEEDS } from '../helpers/hostile.js';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A text document as a council's or gov.uk's page would publish it: its paragraphs, lists and tables in an article, inside the site's furniture. */
function asWebPage(text: string, title: string): string {
  const body: string[] = [];
  let list: string[] = [];
  let rows: string[] = [];
  const flush = () => {
    if (list.length > 0) body.push(`<ul>${list.map((item) => `<li>${escape(item)}</li>`).join('')}</ul>`);
    if (rows.length > 0) body.push(`<table><tbody>${rows.map((row) => `<tr>${row.split('\t').map((cell) => `<td>${escape(cell)}</td>`).join('')}</tr>`).join('')}</tbody></table>`);
    list = [];
    rows = [];
  };
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (/^•\s/.test(trimmed)) {
      if (rows.length > 0) flush();
      list.push(trimmed.replace(/^•\s+/, ''));
    } else if (line.includes('\t')) {
      if (list.length > 0) flush();
      rows.push(line);
    } else {
      flush();
      body.push(`<p>${escape(trimmed)}</p>`);
    }
  }
  flush();
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} - Council news</title></head><body>
<div id="cookie-banner" class="cookie-banner"><p>We use some essential cookies to make this website work. We'd like to set additional cookies to understand how you use the site.</p><button>Accept additional cookies</button><button>Reject additional cookies</button></div>
<header class="site-header"><a href="/">Home</a><nav><ul><li><a href="/services">Services</a></li><li><a href="/news">News</a></li><li><a href="/contact">Contact us</a></li></ul></nav></header>
<div class="breadcrumbs"><ol><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ol></div>
<main id="content"><article>${body.join('\n')}</article></main>
<aside class="related"><h2>Related content</h2><ul><li><a href="/a">Council tax</a></li><li><a href="/b">Bins and recycling</a></li></ul></aside>
<footer><ul><li><a href="/privacy">Privacy</a></li><li><a href="/accessibility">Accessibility statement</a></li></ul><p>© Crown copyright</p></footer>
</body></html>`;
}

describe('the same document as a web page and as text', () => {
  test.each(['havering-press-release-2024', 'havering-notice-2024', 'newham-notice-2019', 'harrow-notice-2025', 'havering-cabinet-report-2024'])('%s gives the same record', async (name) => {
    const text = readFileSync(join(SEEDS, `${name}.txt`), 'utf8');
    const fromText = await processBytes(new Uint8Array(Buffer.from(text)), `${name}.txt`);
    const page = asWebPage(text, text.split('\n').find((line) => line.trim() !== '')!.trim());
    const fromPage = await processBytes(new Uint8Array(Buffer.from(page)), `${name}.html`);
    if (!fromText.ok || !fromPage.ok) throw new Error('both should be read');
    expect(fromPage.value.source.format).toBe('html');
    expect(fromPage.value.text).not.toMatch(/cookies|Bins and recycling|Accessibility statement|Contact us/);
    expect(canonical(project(fromPage.value))).toBe(canonical(project(fromText.value)));
  });
});

describe('the lines of a page', () => {
  test('ordered lists show the numbers the page shows: start, type and value', () => {
    const { lines } = readPage(`<html><body><article><h1>Improvement Notice</h1>
      <p>The Council must do the following, as the notice sets out in full below, and the Department will review progress against each of these requirements.</p>
      <ol start="5"><li>Appoint an adviser.</li><li>Submit a plan.<ol type="a"><li>by March</li><li value="4">with costs</li></ol></li></ol>
      <ol type="I"><li>First</li><li>Second</li></ol></article></body></html>`);
    expect(lines).toEqual(expect.arrayContaining(['5. Appoint an adviser.', '6. Submit a plan.', 'a. by March', 'd. with costs', 'I. First', 'II. Second']));
  });

  test('an item whose text is in a paragraph is one line with its number, and a decimal list in a decimal item is its second level', () => {
    // The shape word processors' HTML has (LibreOffice's here): <li><p>, and the "3.1" of a
    // multilevel list kept only as nesting.
    const { lines } = readPage(`<html><body><article><p>Improvement Notice issued to the Council by the Department for Education, which sets out the actions the Council must take.</p>
      <ol start="3"><li value="3"><p>The Council must prepare an improvement plan.</p>
        <ol><li><p>The plan should:</p><ol><li><p>set out objectives;</p></li><li><p>name leads.</p></li></ol></li>
        <li><p>To ensure progress:</p><ol type="a"><li><p>keep the plan up to date;</p></li></ol></li></ol></li>
      <li><p>Officials will review progress.</p></li></ol></article></body></html>`);
    expect(lines).toEqual(expect.arrayContaining([
      '3. The Council must prepare an improvement plan.',
      '3.1 The plan should:',
      '3.1.1 set out objectives;',
      '3.1.2 name leads.',
      '3.2 To ensure progress:',
      'a. keep the plan up to date;',
      '4. Officials will review progress.',
    ]));
  });

  test('a printed document’s running header and footer, kept by word processors as elements of their own, are not its words', () => {
    const { lines } = readPage(`<html><body><div title="header"><p>Department for Education – OFFICIAL</p></div>
      <p>Improvement Notice issued to the Council by the Department for Education, which sets out the actions the Council must take to improve.</p>
      <div style="mso-element:footer"><p>Page 1 of 3</p></div><div title="footer"><p>OFFICIAL</p></div></body></html>`);
    expect(lines.join('\n')).not.toMatch(/OFFICIAL|Page 1 of 3/);
    expect(lines).toContain('Improvement Notice issued to the Council by the Department for Education, which sets out the actions the Council must take to improve.');
  });

  test('the dateline set apart beside the title, a quotation’s attribution and the site’s name are kept', () => {
    const page = readPage(`<html><head><title>Ofsted rates children's services inadequate | City of Wolverhampton Council</title></head><body>
      <header><nav><a href="/">Home</a></nav></header>
      <main><article><h1>Ofsted rates children's services inadequate</h1><p class="article-meta">Published: <time datetime="2025-03-03">3 March 2025</time></p>
      <div class="body"><p>Children's services in the city have been rated inadequate overall by Ofsted, and the council has pledged to act quickly on every one of the inspectors' findings.</p>
      <blockquote><p>“We accept the judgement in full and will put it right.”</p><footer>Councillor Imogen Tolley, Cabinet Member for Children</footer></blockquote>
      <p>The inspection report was published on Friday 28 February 2025, and the council will set out its improvement plan to the cabinet in the weeks ahead.</p></div></article>
      <aside><h2>Related news</h2><ul><li><time datetime="2025-02-01">1 February 2025</time> Bin collections</li></ul></aside></main></body></html>`);
    expect(page.lines.slice(0, 2)).toEqual(["Ofsted rates children's services inadequate", 'Published: 3 March 2025']);
    expect(page.lines).toContain('Councillor Imogen Tolley, Cabinet Member for Children');
    expect(page.lines.join('\n')).not.toMatch(/Bin collections|1 February 2025/);
    expect(page.publisher).toBe('City of Wolverhampton Council');
    expect(readPage('<html><head><meta property="og:site_name" content="Barnsley Council"><title>News</title></head><body><p>Text.</p></body></html>').publisher).toBe('Barnsley Council');
    // A <time> whose nearest block is the body's whole text is no dateline: nothing is put before the content.
    const prose = `<p>The inspection report found that children's services were inadequate, and the council has accepted every one of its findings in full.</p>`;
    const inBody = readPage(`<html><head><title>News</title></head><body><main><article><h1>Council accepts Ofsted findings</h1><div class="body"><time datetime="2025-02-28">28 February 2025</time>${prose}${prose}</div></article></main></body></html>`);
    expect(inBody.lines.filter((line) => line.includes('The inspection report found'))).toHaveLength(2);
  });

  test("a page whose numbered report Readability sets aside, keeping only its header table, is read whole without the page's furniture", () => {
    const cell = (text: string) => `<td style='border:solid windowtext 1.0pt'><p class=MsoNormal>${text}<o:p></o:p></p></td>`;
    const rows = [['Report to', 'Cabinet'], ['Date of meeting', 'Tuesday 18 March 2025'], ['Cabinet Member', 'Councillor Cathi Denholm, Portfolio Holder for Children and Families, with responsibility for safeguarding, early help and the services for children in care'], ['Key decision', 'Yes']];
    const paragraph = (n: string) => `<p class=MsoNormal style='margin-left:36.0pt;text-indent:-36.0pt'>${n}<span style='mso-tab-count:1'>&nbsp;&nbsp; </span>The council accepts the findings of the inspection and has set out in its plan how each recommendation will be met.<o:p></o:p></p>`;
    const body = Array.from({ length: 6 }, (_, i) => `<p class=MsoNormal><b>${i + 1}. SECTION ${i + 1}</b></p>\n${paragraph(`${i + 1}.1`)}\n${paragraph(`${i + 1}.2`)}`);
    // The committee system sets the report's body in a block whose class Readability takes for a page's extras.
    const html = `<html><head><meta charset="utf-8"><title>Improvement plan</title></head><body>
<nav class="site-menu"><a href="/">Home</a> <a href="/meetings">Meetings</a></nav>
<div class=WordSection1><p class=MsoTitle>Improvement Notice and Improvement Plan</p>
<table class=MsoTableGrid border=1>${rows.map(([k, v]) => `<tr>${cell(`<b>${k}</b>`)}${cell(v)}</tr>`).join('')}</table>
<div class="supplemental">${body.join('\n')}</div></div>
<footer>Contact us</footer></body></html>`;
    const { lines } = readPage(html);
    expect(lines).toContain('Report to\tCabinet');
    expect(lines.filter((line) => /^\d\.\d /.test(line))).toHaveLength(12);
    expect(lines.join('\n')).not.toMatch(/Home|Meetings|Contact us/);
    // A page whose article Readability finds keeps its furniture out as before.
    expect(readPage(`<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><main><article>${"<p>Ofsted has judged the council's services for children to be good, and inspectors praised the work of its social workers and foster carers.</p>".repeat(4)}</article></main><footer>Contact us</footer></body></html>`).lines.join('\n')).not.toMatch(/Home|Contact us/);
  });

  test('links to documents are the page\'s list of what it publishes, kept as its words', () => {
    const html = `<html><body><main><h1>Ofsted monitoring visits</h1>${'<p>Ofsted inspected our children\'s services in February and published its report, which judged our services inadequate. We publish each letter here.</p>'.repeat(2)}<h2>Letters</h2><div class="file-list"><div><a href="/files/2025-03/third-letter.pdf">Letter: third monitoring visit</a> <span>(PDF, 298 KB)</span></div><div><a href="/files/2024-11/second-letter.pdf">Letter: second monitoring visit</a> <span>(PDF, 311 KB)</span></div></div></main></body></html>`;
    const text = readPage(html).lines.join('\n');
    expect(text).toContain('third monitoring visit (PDF, 298 KB)');
    expect(text).toContain('second monitoring visit (PDF, 311 KB)');
  });

  test("the page's metadata says whose it is on a portal: gov.uk's \"From\"", () => {
    const html = `<html><head><meta property="og:site_name" content="GOV.UK"></head><body><main><h1>Direction issued to a council</h1><dl class="metadata"><dt>From:</dt><dd><a href="/dfe">Department for Education</a></dd><dt>Published</dt><dd>27 March 2024</dd></dl><p>The Secretary of State issued this direction on 26 March 2024 under section 497A of the Education Act 1996.</p></main></body></html>`;
    expect(readPage(html).publisher).toBe('Department for Education');
  });

  test('a table row is its cells joined by TABs, and a <br> ends a line', () => {
    const { lines } = readPage(`<html><body><article><p>Report to Cabinet on the improvement of children's services following the Ofsted inspection and the improvement notice issued by the Department for Education.</p>
      <table><tr><th>Judgement</th><th>Grade</th></tr><tr><td>Overall effectiveness</td><td>Inadequate</td></tr></table>
      <p>Town Hall<br>Main Road<br>RM1 3BB</p></article></body></html>`);
    expect(lines).toEqual(expect.arrayContaining(['Judgement\tGrade', 'Overall effectiveness\tInadequate', 'Town Hall', 'Main Road', 'RM1 3BB']));
  });

  test('the page’s charset is honoured', async () => {
    const page = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>The council', 'latin1'),
      Buffer.from([0x92]),
      Buffer.from('s plan costs ', 'latin1'),
      Buffer.from([0xa3]),
      Buffer.from('2m.</p></body></html>', 'latin1'),
    ]);
    const result = await extract(new Uint8Array(page), { path: 'page.html' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.pages[0].lines.map((line) => line.text)).toContain('The council\u2019s plan costs \u00a32m.');
  });

  test('a page with more markup than the limit is too_large before it is parsed; images embedded as data URIs do not count', async () => {
    const words = '<p>The council has published its improvement plan, which sets out how it will respond to each of the inspectors’ recommendations.</p>';
    const picture = `<img alt="" src="data:image/png;base64,${'A'.repeat(200_000)}">`;
    const limit = { path: 'page.html', maxMarkupBytes: 100_000 };
    const pictured = await extract(new Uint8Array(Buffer.from(`<html><body><article>${words.repeat(5)}${picture}</article></body></html>`)), limit);
    expect(pictured.ok).toBe(true);
    const heavy = await extract(new Uint8Array(Buffer.from(`<html><body><article>${words.repeat(1000)}</article></body></html>`)), limit);
    expect(heavy.ok ? 'ok' : heavy.error.code).toBe('too_large');
  });

  test('a file named .html that is binary, or holds no HTML, is unsupported_format', async () => {
    const binary = await extract(new Uint8Array(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)), { path: 'page.html' });
    expect(binary.ok ? null : binary.error.code).toBe('unsupported_format');
    const plain = await extract(new Uint8Array(Buffer.from('Just words, no markup at all.')), { path: 'page.htm' });
    expect(plain.ok ? null : plain.error.code).toBe('unsupported_format');
  });
});

describe('the datelines a page sets apart from its body (issue 24)', () => {
  const body = '<p>The council has agreed to spend more on foster care over the next two years, with new posts advertised in the spring and the first placements in place by the autumn, the cabinet heard this week.</p>'.repeat(3);
  const occurrences = (lines: string[], words: string) => lines.join('\n').split(words).length - 1;

  test('a by-line block\'s dates stay with their labels, once each; a list of other pages gives none', () => {
    const { lines } = readPage(`<html><body><main><article><h1>Foster care funding agreed</h1>
      <div class="story-meta"><span class="writer">By A Writer</span> <span class="when"><time datetime="2024-03-04T06:00">4 Mar 2024 06:00</time></span>
      <span class="updated">Updated <time datetime="2024-03-04T11:00">4 Mar 2024 11:00</time></span></div>${body}
      <aside><ol><li><a href="/other">Another story</a> <time>3 Mar 2024</time></li></ol></aside></article></main></body></html>`);
    expect(occurrences(lines, '4 Mar 2024 06:00')).toBe(1);
    expect(occurrences(lines, 'Updated 4 Mar 2024 11:00')).toBe(1);
    expect(occurrences(lines, '3 Mar 2024')).toBe(0);
  });

  test('a metadata list Readability leaves out of the content comes back as its "Published:" and "Updated:" entries', () => {
    const { lines } = readPage(`<html><body><div class="heading-extra"><dl class="primary-metadata"><dt>From:</dt><dd>Department for Education</dd>
      <dt>Published:</dt><dd>5 May 2015</dd><dt>Updated:</dt><dd>6 June 2016, see all updates</dd></dl></div>
      <main><div class="govspeak">${body}</div></main></body></html>`);
    expect(lines.join('\n')).toMatch(/Published:\s*5 May 2015/);
    expect(lines.join('\n')).toMatch(/Updated:\s*6 June 2016/);
    expect(occurrences(lines, '5 May 2015')).toBe(1);
  });

  test('a by-line Readability does not find comes back from the element the page names as the by-line or one opening with "By"; an author\'s box at the foot does not', () => {
    const named = readPage(`<html><body><main><article><h1>Title of the post</h1><div class="entry-meta"><span class="byline"> by <span class="author">Cllr A Writer</span></span></div>${body}<footer class="author-box"><p><strong>B Other</strong> writes here.</p></footer></article></main></body></html>`);
    expect(named.lines).toContain('by Cllr A Writer');
    expect(named.lines.some((line) => line.includes('B Other'))).toBe(false);
    const opening = readPage(`<html><body><article><h1><span>Title of the story</span></h1><div class="node__meta"><span class="field--name-uid">By Ann Writer</span></div><div class="body">${body}</div></article></body></html>`);
    expect(opening.lines).toContain('By Ann Writer');
  });
});
