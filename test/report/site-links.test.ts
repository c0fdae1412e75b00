/**
 * The site built from the fixtures corpus by the CLI: every link and anchor resolves, nothing
 * points off the machine, and the build is quick.
 */
import { buildFixtureSite, type FixtureSite } from './fixture-site.js';
import { readSite, walkLinks } from './link-walker.js';

let site: FixtureSite;
let files: Map<string, string>;

beforeAll(() => {
  site = buildFixtureSite();
  files = readSite(site.out);
}, 300_000);

test('every link in the generated site resolves: the file exists and the #anchor is in it', () => {
  const { links, broken, duplicateIds } = walkLinks(files);
  expect(links).toBeGreaterThan(500);
  expect(broken).toEqual([]);
  expect(duplicateIds).toEqual([]);
});

test('has a page per document and per council, and the comparison links each notice', () => {
  const pages = [...files.keys()];
  expect(pages.filter((p) => p.startsWith('documents/')).length).toBeGreaterThanOrEqual(10);
  expect(pages).toEqual(expect.arrayContaining(['index.html', 'assets/report.css', 'assets/report.js', 'councils/london-borough-of-newham.html']));
  const index = files.get('index.html')!;
  expect(index).toMatch(/<th scope="row" data-sort="London Borough of Newham"><a href="documents\/newham-notice-2019-(txt|pdf)\.html">/);
});

test('builds in well under a minute (measured and printed; the target is under ten seconds)', () => {
  expect(site.reportSeconds).toBeLessThan(60);
});
