import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
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
  type Table as TableBlock,
} from './model.js';

// A report as a Word document: the title, a metadata block, one heading per
// section, paragraphs, bullet lists and tables (a header row repeated on
// every page); charts become two-column tables. The footer carries the
// organization's legal name and "Page X of Y".

/** A4 with 2 cm margins: the text is 9,638 twips wide. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** Characters XML 1.0 cannot carry; Word refuses a document that holds one. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function runs(value: string, options: { bold?: boolean; size?: number; color?: string } = {}): TextRun[] {
  return value
    .replace(XML_INVALID, '')
    .split(/\r\n|\r|\n/)
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...options }));
}

const border = { style: BorderStyle.SINGLE, size: 4, color: 'D0D4DA' };
const borders = { top: border, bottom: border, left: border, right: border };

function right(col: Column | undefined, v: Cell): boolean {
  return col?.align ? col.align === 'right' : typeof v === 'number';
}

function cell(value: string, width: number, options: { header?: boolean; alignRight?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    shading: options.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'F1F3F5' } : undefined,
    children: [
      new Paragraph({
        alignment: options.alignRight ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: runs(value, { bold: options.header, size: 18 }),
      }),
    ],
  });
}

function table(t: TableBlock): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (t.caption) out.push(new Paragraph({ children: runs(t.caption, { bold: true }), spacing: { before: 120, after: 60 } }));
  if (!t.rows.length && t.empty) {
    out.push(new Paragraph({ children: [new TextRun({ text: t.empty.replace(XML_INVALID, ''), italics: true })] }));
    return out;
  }
  const weights = t.columns.map((c) => c.width ?? 14);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  out.push(
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: t.columns.map((c, i) => cell(c.header, widths[i], { header: true, alignRight: c.align === 'right' })),
        }),
        ...t.rows.map(
          (r) =>
            new TableRow({
              cantSplit: true,
              children: t.columns.map((c, i) => cell(cellText(r[i] ?? null), widths[i], { alignRight: right(c, r[i] ?? null) })),
            }),
        ),
      ],
    }),
    new Paragraph({ children: [] }),
  );
  return out;
}

function chart(c: BarChart): (Paragraph | Table)[] {
  return table({
    type: 'table',
    caption: c.caption,
    columns: [
      { header: c.labelHeader ?? 'Label', width: 48 },
      { header: c.valueHeader ?? 'Value', width: 14, align: 'right' },
    ],
    rows: c.labels.map((l, i) => [l, chartValue(c, c.values[i] ?? null)]),
  });
}

function block(b: Block): (Paragraph | Table)[] {
  switch (b.type) {
    case 'paragraph':
      return [new Paragraph({ children: runs(b.text), spacing: { after: 100 } })];
    case 'list':
      return b.items.map((item) => new Paragraph({ children: runs(item), bullet: { level: 0 } }));
    case 'table':
      return table(b);
    case 'chart':
      return chart(b);
  }
}

function metadataTable(report: Report): Table {
  const rows = metadataRows(report.metadata);
  const widths = [Math.round(TEXT_WIDTH * 0.25), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.25)];
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const noBorders = { top: none, bottom: none, left: none, right: none };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: { ...noBorders, insideHorizontal: none, insideVertical: none },
    rows: rows.map(
      ([k, v]) =>
        new TableRow({
          children: [
            new TableCell({
              width: { size: widths[0], type: WidthType.DXA },
              borders: noBorders,
              children: [new Paragraph({ children: runs(k, { color: '777777', size: 18 }) })],
            }),
            new TableCell({
              width: { size: widths[1], type: WidthType.DXA },
              borders: noBorders,
              children: [new Paragraph({ children: runs(v, { size: 18 }) })],
            }),
          ],
        }),
    ),
  });
}

export async function renderDocx(report: Report): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: runs(report.title) }),
    metadataTable(report),
  ];
  for (const s of report.sections) {
    const blocks = s.blocks.filter((b) => shownIn(b, 'document'));
    if (!blocks.length) continue;
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: runs(s.heading), keepNext: true }));
    for (const b of blocks) children.push(...block(b));
  }
  const footer = new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        children: [
          ...runs(report.metadata.organization, { size: 16, color: '555555' }),
          new TextRun({ size: 16, color: '555555', children: ['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
  const doc = new Document({
    creator: 'OpenAIMS',
    title: report.title.replace(XML_INVALID, ''),
    description: `${report.metadata.record.name} (${report.metadata.organization})`.replace(XML_INVALID, ''),
    styles: { default: { document: { run: { font: 'Arial', size: 20 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        footers: { default: footer },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
