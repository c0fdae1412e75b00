/**
 * The report's stylesheet and script, kept as strings so the compiled tool carries them and writes
 * them beside the pages (no network, no build step for assets).
 */

export const STYLESHEET = `/* notice-pipeline report: one small stylesheet, screen and print. Colour is never the only
   signal: insertions, deletions and parameter fills also carry text markers and borders. */
:root { --ink: #1b1b1b; --muted: #555; --rule: #bbb; --ins: #d7f5dd; --del: #fbdada; --param: #fff2c2; --focus: #ffbf47; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0; }
a { color: #1d4f91; }
a:focus, button:focus, select:focus { outline: 3px solid var(--focus); outline-offset: 1px; }
.skip-link { position: absolute; left: -999px; }
.skip-link:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 1; }
header.site, footer.site { background: #f3f3f3; padding: .75rem 1.5rem; border-bottom: 1px solid var(--rule); }
footer.site { border-top: 1px solid var(--rule); border-bottom: 0; color: var(--muted); font-size: .9rem; }
header.site nav ul { list-style: none; display: flex; gap: 1.5rem; margin: 0; padding: 0; }
main { padding: 1rem 1.5rem 3rem; max-width: 90rem; }
h1 { font-size: 1.7rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.35rem; margin-top: 2rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.1rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
.table-scroll { overflow-x: auto; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid var(--rule); padding: .35rem .5rem; vertical-align: top; text-align: left; }
thead th { background: #eee; }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; text-align: left; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
.filters { display: flex; flex-wrap: wrap; gap: .75rem 1.5rem; border: 1px solid var(--rule); padding: .5rem 1rem; }
.filters label { display: block; font-size: .85rem; color: var(--muted); }
.muted, .page-ref { color: var(--muted); font-size: .85rem; }
.status { font-weight: 600; font-size: .85rem; white-space: nowrap; }
ins { background: var(--ins); text-decoration: underline; }
del { background: var(--del); text-decoration: line-through; }
.marker { font-weight: 700; text-decoration: none; }
mark.param { background: var(--param); border-bottom: 2px dotted #8a6d00; }
mark.param .param-name { font-size: .75rem; color: #5a4700; }
mark.anomaly { background: var(--del); border-bottom: 2px solid #a00; }
.placeholder { font-family: ui-monospace, monospace; background: var(--param); }
tr.removed td.notice, tr.added td.template { background: #f6f6f6; font-style: italic; }
.redline td { width: 42%; }
.redline td.status-cell { width: 16%; }
tr:target, li:target, p:target { outline: 3px solid var(--focus); }
.doc-text p { margin: .25rem 0; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print {
  header.site nav, .skip-link, .filters, footer.site { display: none; }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  .table-scroll { overflow: visible; }
  a { color: inherit; text-decoration: none; }
  ins, del, mark.param { background: none; }
  table { page-break-inside: auto; }
  tr { page-break-inside: avoid; }
  h2 { page-break-after: avoid; }
}`;

/**
 * Sorting and filtering for every `table[data-sortable]`: a header's button sorts by that
 * column (cells carry `data-sort`; numbers compare as numbers, empty cells go last), and each
 * `select[data-filter-column]` keeps only rows whose cell in that column has the chosen
 * `data-value`. Without JavaScript the table is still complete and every link works.
 */
export const SCRIPT = `'use strict';
(function () {
  function sortValue(row, column) {
    var cell = row.cells[column];
    return cell ? cell.getAttribute('data-sort') || '' : '';
  }
  function compare(a, b) {
    if (a === b) return 0;
    if (a === '') return 1;
    if (b === '') return -1;
    var x = Number(a), y = Number(b);
    if (!isNaN(x) && !isNaN(y)) return x - y;
    return a.localeCompare(b);
  }
  function sortBy(table, header) {
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var column = headers.indexOf(header);
    var direction = header.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    headers.forEach(function (th) { if (th.hasAttribute('aria-sort')) th.setAttribute('aria-sort', 'none'); });
    header.setAttribute('aria-sort', direction);
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (r1, r2) {
      var a = sortValue(r1, column), b = sortValue(r2, column);
      if (a === '' || b === '') return compare(a, b);
      return direction === 'ascending' ? compare(a, b) : compare(b, a);
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  function applyFilters(table, selects, status) {
    var shown = 0, rows = table.tBodies[0].rows;
    for (var i = 0; i < rows.length; i++) {
      var keep = selects.every(function (select) {
        if (select.value === '') return true;
        var cell = rows[i].cells[Number(select.getAttribute('data-filter-column'))];
        return cell && cell.getAttribute('data-value') === select.value;
      });
      rows[i].hidden = !keep;
      if (keep) shown++;
    }
    if (status) status.textContent = shown + ' of ' + rows.length + ' notices shown';
  }
  Array.prototype.forEach.call(document.querySelectorAll('table[data-sortable]'), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      var button = th.querySelector('button');
      if (button) button.addEventListener('click', function () { sortBy(table, th); });
    });
    var form = document.querySelector('form[data-filters-for="' + table.id + '"]');
    if (!form) return;
    var selects = Array.prototype.slice.call(form.querySelectorAll('select[data-filter-column]'));
    var status = form.querySelector('[role="status"]');
    selects.forEach(function (select) { select.addEventListener('change', function () { applyFilters(table, selects, status); }); });
    form.addEventListener('reset', function () { setTimeout(function () { applyFilters(table, selects, status); }, 0); });
    applyFilters(table, selects, status);
  });
})();
`;
