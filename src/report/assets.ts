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
/* The comparison fits a wide screen whole and scrolls within its box on a narrow one, its
   header and first column staying in view; a date never breaks across lines. */
.comparison-scroll { overflow: auto; max-height: 80vh; border: 1px solid var(--rule); margin-bottom: 1rem; }
#comparison { margin: 0; font-size: .85rem; line-height: 1.35; }
#comparison th, #comparison td { padding: .25rem .35rem; overflow-wrap: break-word; }
#comparison thead th { position: sticky; top: 0; z-index: 2; background: #eee; vertical-align: bottom; }
#comparison tbody th { position: sticky; left: 0; z-index: 1; background: #fff; min-width: 9rem; }
#comparison thead th:first-child { left: 0; z-index: 3; }
#comparison td[data-type="date"] { white-space: nowrap; }
.column-chooser-box { margin: .5rem 0; }
.column-chooser-box fieldset { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; border: 1px solid var(--rule); margin: .25rem 0; }
.column-chooser-box label { font-size: .85rem; white-space: nowrap; }
/* Drawings: SVG scaled to the page's width; every mark has words beside it or a title, so
   colour repeats what the text says. */
figure.drawing { margin: 1rem 0 1.5rem; overflow-x: auto; }
figure.drawing svg { display: block; width: 100%; min-width: 720px; max-width: 100%; height: auto; font: 11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
figure.drawing figcaption { font-size: .85rem; color: var(--muted); margin-top: .25rem; }
svg .year-line { stroke: #d9d9d9; }
svg .grid { stroke: #e6e6e6; }
svg .year-label, svg .tick-label, svg .axis-title { fill: #444; }
svg .lane-line { stroke: #999; stroke-dasharray: 2 3; }
svg .lane-label, svg .row-label { fill: var(--ink); font-weight: 600; }
svg a .row-label, svg a .step-label, svg a .point-label { fill: #1d4f91; }
svg a:hover text, svg a:focus text { text-decoration: underline; }
svg .mark { fill: #1d4f91; stroke: #fff; stroke-width: 1; }
svg .mark.cross { fill: none; stroke: #1d4f91; stroke-width: 2.5; }
svg .step.anomalous .mark { fill: #a00; }
svg .step.anomalous .mark.cross { stroke: #a00; }
svg .leader { stroke: #aaa; }
svg .span { stroke: #333; stroke-width: .5; }
svg .span.ongoing { stroke-dasharray: 4 2; stroke-width: 1.5; }
.state-in-force { fill: #c0392b; background: #c0392b; }
.state-under-direction { fill: #6c3483; background: #6c3483; }
.state-lifted { fill: #5d9b5d; background: #5d9b5d; }
.key { white-space: nowrap; }
.swatch { display: inline-block; width: 1.1em; height: .8em; margin: 0 .25em 0 .75em; vertical-align: baseline; border: 1px solid #333; }
svg .point { fill: #1d4f91; fill-opacity: .75; stroke: #fff; }
svg .median { stroke: #c0392b; stroke-width: 2; }
svg .median-label { fill: var(--ink); font-weight: 600; }
svg .count-label { fill: #555; font-size: 10px; }
svg .column-label { fill: var(--ink); }
svg .cell rect { fill: #eee; stroke: #fff; }
svg .cell text { fill: var(--ink); font-size: 10.5px; }
svg .value-yes rect { fill: #c9dcf0; }
svg .value-no rect { fill: #e8e3d6; }
svg .value-none rect { fill: #f4f4f4; }
svg .value-none text { fill: #666; }
svg .value-0 rect { fill: #d6e4f5; }
svg .value-1 rect { fill: #fbe3b8; }
svg .value-2 rect { fill: #e3d7f0; }
svg .value-3 rect { fill: #cdeae6; }
svg .value-4 rect { fill: #f6d6e6; }
svg .value-5 rect { fill: #e6e6c2; }
.overview-sort { font-size: .9rem; margin: .5rem 0 0; }
.overview-sort button { font: inherit; padding: .1rem .6rem; }
.overview-sort button[aria-pressed="true"] { font-weight: 700; }
@media print {
  header.site nav, .skip-link, .filters, footer.site { display: none; }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  .table-scroll, .comparison-scroll { overflow: visible; max-height: none; border: 0; }
  #comparison thead th, #comparison tbody th { position: static; }
  .column-chooser-box, .overview-sort { display: none; }
  figure.drawing { page-break-inside: avoid; }
  figure.drawing svg { max-width: 100%; }
  svg a text { fill: #000; }
  a { color: inherit; text-decoration: none; }
  ins, del, mark.param { background: none; }
  table { page-break-inside: auto; }
  tr { page-break-inside: avoid; }
  h2 { page-break-after: avoid; }
}`;

/**
 * The overview's sorting and the comparison's column chooser (below); sorting and filtering for every `table[data-sortable]`: a header's button sorts by that
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
  // Columns chosen: each box shows or hides its column's cells, header and body.
  Array.prototype.forEach.call(document.querySelectorAll('fieldset[data-columns-for]'), function (fieldset) {
    var table = document.getElementById(fieldset.getAttribute('data-columns-for'));
    if (!table) return;
    Array.prototype.forEach.call(fieldset.querySelectorAll('input[data-column]'), function (box) {
      box.addEventListener('change', function () {
        var column = Number(box.getAttribute('data-column'));
        Array.prototype.forEach.call(table.rows, function (row) { if (row.cells[column]) row.cells[column].hidden = !box.checked; });
      });
    });
  });
  // The overview's rows sorted by start or by length: each row takes the place of another.
  Array.prototype.forEach.call(document.querySelectorAll('button[data-sort-overview]'), function (button) {
    button.addEventListener('click', function () {
      var drawing = document.getElementById('overview');
      if (!drawing) return;
      var rows = Array.prototype.slice.call(drawing.querySelectorAll('g.overview-row'));
      var places = rows.map(function (row) { return row.getAttribute('transform'); }).sort(function (a, b) {
        return Number(a.split(' ')[1].replace(')', '')) - Number(b.split(' ')[1].replace(')', ''));
      });
      var by = button.getAttribute('data-sort-overview');
      rows.sort(function (a, b) {
        if (by === 'length') return Number(b.getAttribute('data-months')) - Number(a.getAttribute('data-months'));
        return a.getAttribute('data-start').localeCompare(b.getAttribute('data-start'));
      });
      rows.forEach(function (row, i) { row.setAttribute('transform', places[i]); });
      Array.prototype.forEach.call(document.querySelectorAll('button[data-sort-overview]'), function (other) {
        other.setAttribute('aria-pressed', other === button ? 'true' : 'false');
      });
    });
  });
})();
`;
