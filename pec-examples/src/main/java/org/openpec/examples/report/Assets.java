package org.openpec.examples.report;

/** The style sheet and scripts inlined into the report page (no file or network access at view time). */
final class Assets {

  private Assets() {}

  /**
   * Runs first, in the head: records every script error on the root element ({@code data-script-errors}) and
   * in {@code #script-errors}, so that a test reading the page back sees them.
   */
  static final String ERRORS = """
      (function () {
        var errors = [];
        function show() {
          document.documentElement.setAttribute('data-script-errors', String(errors.length));
          var el = document.getElementById('script-errors');
          if (el) { el.textContent = errors.join('\\n'); el.hidden = errors.length === 0; }
        }
        window.onerror = function (message, source, line, column) {
          errors.push(String(message) + ' (line ' + line + ':' + column + ')');
          show();
          return false;
        };
        window.addEventListener('DOMContentLoaded', show);
      })();
      """;

  /** The page's behaviour: tooltips, sortable tables, filters; marks the page ready when done. */
  static final String SCRIPT = """
      (function () {
        'use strict';
        var tip = document.getElementById('tip');
        function place(ev) {
          var pad = 14, w = tip.offsetWidth, h = tip.offsetHeight;
          var x = ev.clientX + pad, y = ev.clientY + pad;
          if (x + w > window.innerWidth - 8) { x = Math.max(8, ev.clientX - w - pad); }
          if (y + h > window.innerHeight - 8) { y = Math.max(8, ev.clientY - h - pad); }
          tip.style.left = x + 'px';
          tip.style.top = y + 'px';
        }
        document.addEventListener('mouseover', function (ev) {
          var t = ev.target.closest ? ev.target.closest('[data-tip]') : null;
          if (!t) { tip.hidden = true; return; }
          tip.textContent = t.getAttribute('data-tip');
          tip.hidden = false;
          place(ev);
        });
        document.addEventListener('mousemove', function (ev) { if (!tip.hidden) { place(ev); } });

        function cellValue(row, i, kind) {
          var c = row.cells[i];
          if (!c) { return kind === 'num' ? 0 : ''; }
          var v = c.getAttribute('data-v');
          if (v === null) { v = c.textContent.trim(); }
          return kind === 'num' ? parseFloat(v) || 0 : v.toLowerCase();
        }
        var sortable = document.querySelectorAll('table.sortable');
        Array.prototype.forEach.call(sortable, function (table) {
          var heads = table.tHead.rows[0].cells;
          Array.prototype.forEach.call(heads, function (th, i) {
            var kind = th.getAttribute('data-sort');
            if (!kind) { return; }
            th.tabIndex = 0;
            th.classList.add('sort');
            function sort() {
              var asc = th.getAttribute('aria-sort') !== 'ascending';
              Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
              th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
              var body = table.tBodies[0];
              var rows = Array.prototype.slice.call(body.rows);
              rows.sort(function (a, b) {
                var x = cellValue(a, i, kind), y = cellValue(b, i, kind);
                return (x < y ? -1 : x > y ? 1 : 0) * (asc ? 1 : -1);
              });
              rows.forEach(function (r) { body.appendChild(r); });
            }
            th.addEventListener('click', sort);
            th.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') { sort(); } });
          });
        });

        Array.prototype.forEach.call(document.querySelectorAll('input[data-filter]'), function (input) {
          var table = document.getElementById(input.getAttribute('data-filter'));
          input.addEventListener('input', function () {
            var q = input.value.trim().toLowerCase();
            Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
              r.hidden = q !== '' && r.textContent.toLowerCase().indexOf(q) < 0;
            });
          });
        });

        var root = document.documentElement;
        root.setAttribute('data-customers', String(document.querySelectorAll('tr[data-customer]').length));
        root.setAttribute('data-episodes', String(document.querySelectorAll('tr[data-episode]').length));
        root.setAttribute('data-report-ready', 'ok');
      })();
      """;

  /** The style sheet: system fonts, one neutral palette, tables and cards that print well. */
  static final String CSS = """
      :root { --ink:#1a202c; --muted:#5a6473; --line:#e2e6ec; --bg:#f7f8fa; --card:#fff; --accent:#1f4e79; }
      * { box-sizing: border-box; }
      html { -webkit-text-size-adjust: 100%; }
      body { margin:0; background:var(--bg); color:var(--ink);
        font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans",sans-serif; }
      .wrap { max-width: 1320px; margin: 0 auto; padding: 0 20px; }
      header { background: var(--accent); color: #fff; padding: 20px 0 0; }
      header h1 { margin: 0; font-size: 24px; font-weight: 650; letter-spacing: .2px; }
      header .sub { margin: 4px 0 14px; color: #d6e2f0; }
      nav { display:flex; gap: 4px; flex-wrap: wrap; }
      nav a { color:#fff; text-decoration:none; padding: 8px 12px; border-radius: 6px 6px 0 0; font-weight: 500; }
      nav a:hover { background: rgba(255,255,255,.12); }
      section { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 18px 22px;
        margin: 20px 0; box-shadow: 0 1px 2px rgba(16,24,40,.04); }
      h2 { margin: 0 0 10px; font-size: 18px; font-weight: 650; }
      h3 { margin: 0 0 12px; font-size: 15px; font-weight: 600; }
      .muted, .id { color: var(--muted); font-weight: 400; }
      .id { font-size: 11.5px; font-family: ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace; }
      .lead { color: var(--muted); margin: 0 0 14px; max-width: 900px; }
      .note { color: var(--muted); font-size: 13px; margin: 10px 0 0; }
      .good { color: #276749; background: #f0fff4; border: 1px solid #c6f6d5; padding: 8px 12px; border-radius: 6px; }
      .empty { color: var(--muted); }
      .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 16px; }
      .cards.single { grid-template-columns: 1fr; }
      .card { border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; }
      .kpis { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; margin-bottom: 12px; }
      .kpi .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .4px; }
      .kpi .value { font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; white-space: nowrap; }
      .kpi .value small { font-size: 12px; color: var(--muted); font-weight: 500; }
      .kpi .hint { color: var(--muted); font-size: 11.5px; }
      .kpi [data-field=creditLost] { color: #c53030; }
      .kpi [data-field=credit] { color: #276749; }
      svg.bar { width: 100%; height: 22px; border-radius: 4px; display: block; background: #f1f3f6; }
      .legend { display: flex; flex-wrap: wrap; gap: 6px 16px; margin: 8px 0 0; font-size: 12.5px; color: var(--muted); }
      .legend i { display: inline-block; width: 11px; height: 11px; border-radius: 3px; margin-right: 6px;
        vertical-align: -1px; }
      .bill { margin: 10px 0 0; color: var(--muted); }
      .bill b { color: var(--ink); font-variant-numeric: tabular-nums; }
      svg.chart { width: 100%; max-width: 1060px; display: block; margin-bottom: 12px; }
      svg text { font-family: inherit; }
      svg .lbl { font-size: 13px; fill: var(--ink); }
      svg .val { font-size: 12px; fill: var(--muted); font-variant-numeric: tabular-nums; }
      svg .lost { fill: #c53030; }
      svg .id { font-size: 10.5px; fill: var(--muted); }
      svg .dn { font-size: 10.5px; fill: var(--muted); }
      svg .mon { font-size: 11px; fill: var(--ink); font-weight: 600; }
      svg.calendar rect:hover { stroke: #1a202c; stroke-width: 1.5; }
      svg.calendar rect.doubt { stroke: #1a202c; stroke-width: 1.5; stroke-dasharray: 3 2; }
      .scroll { overflow-x: auto; }
      table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
      table.fixed { table-layout: fixed; min-width: 1100px; }
      table.fixed td { overflow-wrap: anywhere; }
      table.fixed .chip { white-space: nowrap; }
      th { text-align: left; font-size: 12px; color: var(--muted); font-weight: 600; text-transform: uppercase;
        letter-spacing: .3px; border-bottom: 2px solid var(--line); padding: 8px 8px; white-space: nowrap; }
      th.sort { cursor: pointer; user-select: none; }
      th.sort:hover { color: var(--ink); }
      th[aria-sort=ascending]::after { content: " ▲"; }
      th[aria-sort=descending]::after { content: " ▼"; }
      td { border-bottom: 1px solid var(--line); padding: 6px 8px; vertical-align: top; }
      tbody tr:hover { background: #f8fafc; }
      td.num { text-align: right; white-space: nowrap; }
      td.num small { color: var(--muted); }
      td.res { font-family: ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace; font-size: 12.5px; }
      td.event { color: #2d3748; font-size: 12.5px; }
      .nowrap { white-space: nowrap; }
      td .id { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 200px; }
      td.who { min-width: 150px; }
      td.res { max-width: 260px; overflow: hidden; text-overflow: ellipsis; }
      table.fixed td.res { overflow-wrap: normal; }
      td.res > :first-child, td.res { white-space: nowrap; }
      .chip { display: inline-block; border-left: 4px solid var(--c, #a0aec0); background: #f4f5f7; border-radius: 4px;
        padding: 1px 7px; margin: 1px 4px 2px 0; font-size: 12px; white-space: nowrap; }
      .excluded { color: var(--muted); font-size: 11.5px; margin-top: 2px; }
      td.reasons { min-width: 300px; }
      td .sub { color: var(--muted); font-size: 12px; }
      input.filter { font: inherit; padding: 6px 10px; border: 1px solid #cbd2da; border-radius: 6px; width: 260px;
        margin: 0 0 10px; }
      .kinds { display: flex; flex-wrap: wrap; gap: 10px; margin-bottom: 12px; }
      .kind { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; font-size: 12px; color: var(--muted); }
      .kind b { display: block; font-size: 18px; color: var(--ink); }
      .kind.ok b { color: #276749; }
      .kind.bad { border-color: #feb2b2; background: #fff5f5; }
      .kind.bad b { color: #c53030; }
      .kind.warn { border-color: #f6e05e; background: #fffff0; }
      .kind.warn b { color: #975a16; }
      .problems code { font-size: 12.5px; }
      tr.why td { color: #2d3748; font-size: 12.5px; padding-top: 0; background: #fbfcfd; }
      table.windows tr[data-window] td { border-bottom: 0; }
      #tip { position: fixed; z-index: 10; max-width: 520px; background: #1a202c; color: #f7fafc; padding: 8px 10px;
        border-radius: 6px; font-size: 12.5px; white-space: pre-wrap; pointer-events: none;
        box-shadow: 0 4px 14px rgba(0,0,0,.25); }
      #script-errors { color: #c53030; }
      footer { color: var(--muted); font-size: 12.5px; padding-bottom: 32px; }
      @media (max-width: 720px) { .kpis { grid-template-columns: repeat(2, 1fr); } .cards { grid-template-columns: 1fr; } }
      @media print { nav, input.filter { display: none; } section { break-inside: avoid; box-shadow: none; } }
      """;
}
