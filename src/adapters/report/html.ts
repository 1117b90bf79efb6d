import { CHART_TEXT_CSS } from '../../views/charts/render-svg.js';

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]);
}

export interface Section {
  id: string;
  title: string;
  html: string;
}

const style = `
${CHART_TEXT_CSS}
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1f1f1f; background: #fafafa; font-size: 16px; line-height: 1.45; }
header { background: #1f3a5f; color: #fff; padding: 1.2rem 2rem; }
header h1 { margin: 0 0 .3rem; font-size: 1.5rem; }
header p { margin: .2rem 0; }
nav { padding: .6rem 2rem; background: #e9eef5; font-size: .9rem; }
nav a { margin-right: 1rem; color: #1f3a5f; display: inline-block; }
main { padding: 1rem 2rem 3rem; max-width: 1200px; }
section { background: #fff; border: 1px solid #d6d6d6; border-radius: 6px; padding: 1rem 1.4rem; margin: 1.2rem 0; min-width: 0; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; margin-top: 0; color: #1f3a5f; }
h3 { font-size: 1rem; }
table { border-collapse: collapse; margin: .6rem 0; font-size: .88rem; display: block; overflow-x: auto; max-width: 100%; }
section svg { max-width: 100%; height: auto; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
th, td { border-bottom: 1px solid #d9d9d9; padding: .3rem .6rem; text-align: left; vertical-align: top; }
th { background: #eef1f5; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.scroll { max-width: 100%; }
table { overflow-wrap: normal; }
table.outcomes td { min-width: 9rem; }
table.outcomes td.differs { background: #fff1c2; font-weight: 600; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; }
.charts > * { min-width: 0; max-width: 100%; }
figure.chart { margin: .5rem 0; flex: 1 1 var(--chart-width, 30rem); max-width: max(42rem, var(--chart-width, 42rem)); min-width: 0; }
figure.chart svg { width: 100%; height: auto; display: block; }
figure.chart .chart-narrow { display: none; }
.chart-scroll { max-width: 100%; }
svg.bar { width: 100%; min-width: 8rem; height: 1rem; display: block; }
td.barcell { width: 40%; min-width: 8rem; }
.bar-gain { fill: #1a7a3a; } .bar-loss { fill: #b3261e; } .bar-deferral { fill: #8a6d00; } .bar-flip { fill: #b3261e; } .bar-steady { fill: #5b6f8a; }
.bar-zero { stroke: #1f1f1f; stroke-width: 1; vector-effect: non-scaling-stroke; }
th[scope="row"] { background: transparent; font-weight: 500; }
.legend .swatch { display: inline-block; width: .8rem; height: .8rem; vertical-align: middle; margin: 0 .2rem 0 .6rem; }
span.bar-gain { background: #1a7a3a; } span.bar-loss { background: #b3261e; } span.bar-deferral { background: #8a6d00; }
.note { color: #555; font-size: .85rem; }
ul.summary { padding-left: 1.2rem; font-size: 1.02rem; } ul.summary > li { margin: .5rem 0; }
.yes { color: #1a6b2e; font-weight: 600; } .no { color: #b3261e; font-weight: 600; } .depends { color: #8a5300; font-weight: 600; }
.disclaimer { background: #fff8e1; border-left: 4px solid #c99700; padding: .6rem 1rem; font-size: .9rem; }
del { background: #fde2e2; text-decoration: line-through; } ins { background: #dff5e1; text-decoration: none; }
code { background: #f1f1f1; padding: 0 .25rem; border-radius: 3px; }
details.fold > summary { cursor: pointer; color: #1f3a5f; font-weight: 600; padding: .2rem 0; }
figure.chart details.fold > summary { font-size: .85rem; font-weight: 500; }
@media (max-width: 700px) {
  header, nav { padding-left: 1rem; padding-right: 1rem; }
  main { padding: .5rem .6rem 2rem; }
  section { padding: .8rem .8rem; }
  figure.chart { flex-basis: 100%; }
  /* Charts keep 12 px text on a phone: a narrow layout where there is one, else their own size, scrolled. */
  figure.chart.responsive .chart-wide { display: none; }
  figure.chart.responsive .chart-narrow { display: block; }
  figure.chart.fixed .chart-scroll > svg { width: var(--chart-width); max-width: none; }
  .chart-scroll { overflow-x: auto; }
  section .chart-scroll > svg { max-width: none; }
}
@media print {
  body { background: #fff; font-size: 11pt; }
  nav { display: none; }
  header { background: #fff; color: #000; border-bottom: 2px solid #1f3a5f; }
  section { border: none; padding: 0; break-inside: auto; }
  figure.chart, table.bars tr, svg { break-inside: avoid; }
  figure.chart.responsive .chart-wide { display: block; }
  figure.chart.responsive .chart-narrow { display: none; }
  figure.chart.fixed .chart-scroll > svg { width: 100%; max-width: 100%; }
  h2, h3 { break-after: avoid; }
  table { overflow: visible; display: table; }
  details > summary { list-style: none; }
  /* Folded sections print unfolded. */
  details::details-content { content-visibility: visible; display: block; }
}
`;

/** A complete, self-contained HTML page: inline CSS and SVG charts, no scripts, nothing fetched; prints unfolded. */
export function htmlPage(title: string, subtitle: string[], sections: Section[]): string {
  const nav = sections.map((s) => `<a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a>`).join('');
  const body = sections
    .map((s) => `<section id="${escapeHtml(s.id)}"><h2>${escapeHtml(s.title)}</h2>\n${s.html}\n</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1>${subtitle.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</header>
<nav aria-label="Sections">${nav}</nav>
<main>
${body}
</main>
</body>
</html>
`;
}

/** A simple HTML table; cells are escaped unless given as { html }. */
export function htmlTable(head: string[], rows: Array<Array<string | { html: string } | number>>): string {
  const cell = (c: string | { html: string } | number, tag: 'td' | 'th') =>
    typeof c === 'number'
      ? `<${tag} class="num">${escapeHtml(String(c))}</${tag}>`
      : typeof c === 'string'
        ? `<${tag}>${escapeHtml(c)}</${tag}>`
        : `<${tag}>${c.html}</${tag}>`;
  return `<table tabindex="0"><thead><tr>${head.map((h) => cell(h, 'th')).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => cell(c, 'td')).join('')}</tr>`)
    .join('')}</tbody></table>`;
}
