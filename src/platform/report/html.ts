import {
  type BarChart,
  type Block,
  type Cell,
  type Column,
  cellText,
  chartValue,
  metadataRows,
  type Report,
  shownIn,
  type Table,
} from './model.js';

// A report as one self-contained printable HTML page: escaped text, one
// stylesheet, charts as inline SVG, no scripts and nothing fetched. The PDF
// renderer prints exactly this page.

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Escaped text whose line breaks stay line breaks. */
function text(value: string): string {
  return escapeHtml(value).replace(/\r\n|\r|\n/g, '<br>');
}

export const REPORT_CSS = `
*{box-sizing:border-box}
body{font:10pt/1.45 "DejaVu Sans",Arial,sans-serif;color:#1a1b1e;margin:0;padding:0}
main{max-width:180mm;margin:0 auto;padding:0 1pt}
h1{font-size:18pt;margin:0 0 6pt}
h2{font-size:13pt;margin:16pt 0 6pt;border-bottom:1px solid #ccc;padding-bottom:3pt;page-break-after:avoid}
p{margin:4pt 0}ul{margin:4pt 0;padding-left:16pt}
.meta{width:auto;margin:0 0 8pt;border:0}
.meta th,.meta td{border:0;background:none;padding:1pt 10pt 1pt 0;color:#444;font-weight:normal}
.meta th{color:#777}
table{border-collapse:collapse;width:100%;margin:4pt 0 8pt}
table.fixed{table-layout:fixed}
caption{text-align:left;font-weight:bold;padding:2pt 0}
th,td{border:1px solid #d0d4da;padding:3pt 5pt;text-align:left;vertical-align:top;overflow-wrap:anywhere}
thead th{background:#f1f3f5}
thead{display:table-header-group}
tr{page-break-inside:avoid}
.n{text-align:right}
.empty{color:#666;font-style:italic}
figure{margin:4pt 0 8pt;page-break-inside:avoid}
figcaption{font-weight:bold;padding:2pt 0}
svg{display:block;width:100%;height:auto}
@media screen{body{padding:16px}}
`;

function alignClass(col: Column | undefined, v: Cell): string {
  const right = col?.align ? col.align === 'right' : typeof v === 'number';
  return right ? ' class="n"' : '';
}

function table(t: Table): string {
  if (!t.rows.length && t.empty) return `<p class="empty">${text(t.empty)}</p>`;
  const total = t.columns.reduce((s, c) => s + (c.width ?? 0), 0);
  const widths = t.columns.every((c) => c.width)
    ? `<colgroup>${t.columns.map((c) => `<col style="width:${(((c.width ?? 0) / total) * 100).toFixed(1)}%">`).join('')}</colgroup>`
    : '';
  const head = `<thead><tr>${t.columns.map((c) => `<th${c.align === 'right' ? ' class="n"' : ''}>${text(c.header)}</th>`).join('')}</tr></thead>`;
  const body = t.rows
    .map((r) => `<tr>${r.map((v, i) => `<td${alignClass(t.columns[i], v)}>${text(cellText(v))}</td>`).join('')}</tr>`)
    .join('');
  const caption = t.caption ? `<caption>${text(t.caption)}</caption>` : '';
  return `<table${widths ? ' class="fixed"' : ''}>${caption}${widths}${head}<tbody>${body}</tbody></table>`;
}

const LABEL_CHARS = 44;

/** Horizontal bars, one row per label, as an inline SVG scaled to the page width. */
export function chartSvg(c: BarChart): string {
  const row = 20;
  const width = 640;
  const labelW = 290;
  const barX = labelW + 8;
  const barW = width - barX - 52;
  const max = c.max ?? Math.max(0, ...c.values.map((v) => v ?? 0));
  const height = c.labels.length * row + 4;
  const bars = c.labels
    .map((label, i) => {
      const v = c.values[i] ?? null;
      const y = i * row + 2;
      const shown = label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label;
      const w = v === null || max <= 0 ? 0 : Math.max(0, Math.min(1, v / max)) * barW;
      return (
        `<g><title>${escapeHtml(`${label}: ${chartValue(c, v)}`)}</title>` +
        `<text x="0" y="${y + 14}" font-size="12">${escapeHtml(shown)}</text>` +
        `<rect x="${barX}" y="${y + 2}" width="${barW}" height="${row - 6}" fill="#eef0f3"/>` +
        `<rect x="${barX}" y="${y + 2}" width="${w.toFixed(1)}" height="${row - 6}" fill="#3b6fb6"/>` +
        `<text x="${(barX + barW + 6).toFixed(1)}" y="${y + 14}" font-size="12">${escapeHtml(chartValue(c, v))}</text></g>`
      );
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(c.caption ?? 'Bar chart')}" font-family="DejaVu Sans, Arial, sans-serif" fill="#1a1b1e">${bars}</svg>`;
}

function block(b: Block): string {
  switch (b.type) {
    case 'paragraph':
      return `<p>${text(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${text(i)}</li>`).join('')}</ul>`;
    case 'table':
      return table(b);
    case 'chart':
      return `<figure>${b.caption ? `<figcaption>${text(b.caption)}</figcaption>` : ''}${chartSvg(b)}</figure>`;
  }
}

export function renderHtml(report: Report): string {
  const meta = metadataRows(report.metadata)
    .map(([k, v]) => `<tr><th scope="row">${text(k)}</th><td>${text(v)}</td></tr>`)
    .join('');
  const sections = report.sections
    .map((s) => {
      const blocks = s.blocks.filter((b) => shownIn(b, 'document'));
      return blocks.length ? `<section><h2>${text(s.heading)}</h2>${blocks.map(block).join('\n')}</section>` : '';
    })
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(report.title)}</title><style>${REPORT_CSS}</style></head><body><main>
<h1>${text(report.title)}</h1>
<table class="meta"><tbody>${meta}</tbody></table>
${sections}
</main></body></html>`;
}
