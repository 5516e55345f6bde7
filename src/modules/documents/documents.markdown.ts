import type { Token, Tokens } from 'marked';
import type { Block, Section } from '../../platform/report/index.js';
import { importPackage } from '../../platform/packages.js';

// A document's Markdown as report sections (platform/report), so a policy
// exports to PDF, DOCX and HTML like every other report: headings open
// sections, paragraphs, lists and tables become blocks, emphasis and links
// keep their words. Raw HTML is never passed on: it is dropped, so nothing
// a writer types can run or restyle the export.

/** The plain words of inline tokens: emphasis and code keep their text, links their text, HTML nothing. */
function inlineText(tokens: Token[] | undefined, fallback = ''): string {
  if (!tokens) return fallback;
  return tokens
    .map((t) => {
      switch (t.type) {
        case 'html':
          return '';
        case 'br':
          return '\n';
        case 'image':
          return (t as Tokens.Image).text;
        case 'codespan':
          return (t as Tokens.Codespan).text;
        case 'escape':
        case 'text':
          return 'tokens' in t && t.tokens ? inlineText(t.tokens) : (t as Tokens.Text).text;
        default:
          return 'tokens' in t ? inlineText(t.tokens as Token[]) : 'text' in t ? String(t.text) : '';
      }
    })
    .join('');
}

function listItems(list: Tokens.List, depth = 0): string[] {
  const out: string[] = [];
  list.items.forEach((item, i) => {
    const marker = list.ordered ? `${Number(list.start || 1) + i}. ` : '';
    const task = item.task ? (item.checked ? '[x] ' : '[ ] ') : '';
    const own = item.tokens.filter((t) => t.type !== 'list' && t.type !== 'checkbox');
    const text = own.map((t) => ('tokens' in t ? inlineText(t.tokens as Token[]) : 'text' in t ? String(t.text) : '')).join(' ');
    out.push(`${'  '.repeat(depth)}${marker}${task}${text.trim()}`);
    for (const sub of item.tokens.filter((t): t is Tokens.List => t.type === 'list')) out.push(...listItems(sub, depth + 1));
  });
  return out;
}

function tableBlock(t: Tokens.Table): Block {
  return {
    type: 'table',
    only: 'document',
    columns: t.header.map((h) => ({ header: inlineText(h.tokens, h.text) })),
    rows: t.rows.map((row) => row.map((c) => inlineText(c.tokens, c.text))),
  };
}

/** marked is loaded by the first export of a Markdown document, not at server start. */
export async function markdownToSections(body: string, firstHeading = 'Document'): Promise<Section[]> {
  const { lexer } = await importPackage<typeof import('marked')>('marked');
  const sections: Section[] = [];
  let current: Section = { heading: firstHeading, blocks: [] };
  const push = (b: Block) => current.blocks.push(b);
  for (const t of lexer(body)) {
    switch (t.type) {
      case 'heading': {
        const h = t as Tokens.Heading;
        const text = inlineText(h.tokens, h.text);
        if (h.depth <= 2) {
          sections.push(current);
          current = { heading: text, blocks: [] };
        } else push({ type: 'paragraph', text });
        break;
      }
      case 'paragraph':
        push({ type: 'paragraph', text: inlineText((t as Tokens.Paragraph).tokens, (t as Tokens.Paragraph).text) });
        break;
      case 'list':
        push({ type: 'list', items: listItems(t as Tokens.List) });
        break;
      case 'table':
        push(tableBlock(t as Tokens.Table));
        break;
      case 'blockquote':
        push({ type: 'paragraph', text: inlineText((t as Tokens.Blockquote).tokens) });
        break;
      case 'code':
        push({ type: 'paragraph', text: (t as Tokens.Code).text });
        break;
      default:
        // space, hr, html: nothing a reader of the export needs
        break;
    }
  }
  sections.push(current);
  // the opening section is left out when the body starts with a heading
  return sections.filter((s, i) => i > 0 || s.blocks.length > 0);
}
