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
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #222; background: #fafafa; }
header { background: #1f3a5f; color: #fff; padding: 1.2rem 2rem; }
header h1 { margin: 0 0 .3rem; font-size: 1.5rem; }
header p { margin: .2rem 0; opacity: .9; }
nav { padding: .6rem 2rem; background: #e9eef5; font-size: .9rem; }
nav a { margin-right: 1rem; color: #1f3a5f; }
main { padding: 1rem 2rem 3rem; max-width: 1200px; }
section { background: #fff; border: 1px solid #e2e2e2; border-radius: 6px; padding: 1rem 1.4rem; margin: 1.2rem 0; }
h2 { font-size: 1.2rem; margin-top: 0; color: #1f3a5f; }
h3 { font-size: 1rem; }
table { border-collapse: collapse; margin: .6rem 0; font-size: .88rem; }
th, td { border-bottom: 1px solid #e5e5e5; padding: .3rem .6rem; text-align: left; vertical-align: top; }
th { background: #f3f5f8; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; }
.charts > div { flex: 0 0 auto; }
figure.chart { margin: 0; max-width: 100%; } figure.chart > svg { display: block; max-width: 100%; height: auto; }
.note { color: #666; font-size: .85rem; }
.yes { color: #2e7d32; font-weight: 600; } .no { color: #c62828; font-weight: 600; } .depends { color: #b26a00; font-weight: 600; }
.disclaimer { background: #fff8e1; border-left: 4px solid #f0b400; padding: .6rem 1rem; font-size: .9rem; }
del { background: #fde2e2; text-decoration: line-through; } ins { background: #dff5e1; text-decoration: none; }
code { background: #f1f1f1; padding: 0 .25rem; border-radius: 3px; }
`;

/** A complete, self-contained HTML page: inline CSS and inline SVG charts, no scripts, no external resources. */
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
<nav>${nav}</nav>
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
  return `<table><thead><tr>${head.map((h) => cell(h, 'th')).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => cell(c, 'td')).join('')}</tr>`)
    .join('')}</tbody></table>`;
}
