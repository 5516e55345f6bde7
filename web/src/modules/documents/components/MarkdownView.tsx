import { Anchor, Blockquote, Box, Checkbox, Code, Divider, List, Table, Text, Title } from '@mantine/core';
import { type Token, type Tokens, marked } from 'marked';
import { type ReactNode, useMemo } from 'react';

// A document's Markdown as React elements. The tokens come from the `marked`
// lexer, the same parser the server uses for the PDF and DOCX exports, so what
// people preview is what is exported. Nothing is ever injected as HTML: raw
// HTML in the source shows as the literal text it is (the exports do not run
// it either), links open only for http(s) and mailto, and images show their
// description instead of loading from elsewhere.

const SAFE_LINK = /^(https?:|mailto:)/i;

function inline(tokens: Token[] | undefined, key: string): ReactNode[] {
  return (tokens ?? []).map((t, i) => inlineToken(t, `${key}.${i}`));
}

function inlineToken(t: Token, key: string): ReactNode {
  switch (t.type) {
    case 'strong':
      return <strong key={key}>{inline((t as Tokens.Strong).tokens, key)}</strong>;
    case 'em':
      return <em key={key}>{inline((t as Tokens.Em).tokens, key)}</em>;
    case 'del':
      return <del key={key}>{inline((t as Tokens.Del).tokens, key)}</del>;
    case 'codespan':
      return <Code key={key}>{(t as Tokens.Codespan).text}</Code>;
    case 'br':
      return <br key={key} />;
    case 'link': {
      const link = t as Tokens.Link;
      const label = inline(link.tokens, key);
      return SAFE_LINK.test(link.href) ? (
        <Anchor key={key} href={link.href} target="_blank" rel="noopener noreferrer nofollow">
          {label}
        </Anchor>
      ) : (
        <span key={key}>{label}</span>
      );
    }
    case 'image':
      return <span key={key}>[{(t as Tokens.Image).text || 'image'}]</span>;
    case 'text': {
      const text = t as Tokens.Text;
      return text.tokens ? <span key={key}>{inline(text.tokens, key)}</span> : text.text;
    }
    default:
      // escapes, inline HTML and anything newer: the literal text
      return 'text' in t ? String(t.text) : t.raw;
  }
}

function listItem(item: Tokens.ListItem, key: string): ReactNode {
  const body = item.tokens.filter((t) => t.type !== 'checkbox');
  return (
    <List.Item
      key={key}
      icon={
        item.task ? (
          <Checkbox size="xs" checked={!!item.checked} readOnly aria-label={item.checked ? 'done' : 'open'} />
        ) : undefined
      }
    >
      {item.loose
        ? blocks(body, key)
        : body.map((t, i) => (t.type === 'text' ? inlineToken(t, `${key}.${i}`) : block(t, `${key}.${i}`)))}
    </List.Item>
  );
}

function block(t: Token, key: string): ReactNode {
  switch (t.type) {
    case 'space':
    case 'def':
      return null;
    case 'heading': {
      const h = t as Tokens.Heading;
      const order = Math.min(6, h.depth + 1) as 2 | 3 | 4 | 5 | 6;
      return (
        <Title key={key} order={order} mt={h.depth === 1 ? 0 : 'md'} mb="xs">
          {inline(h.tokens, key)}
        </Title>
      );
    }
    case 'paragraph':
      return (
        <Text key={key} mb="sm">
          {inline((t as Tokens.Paragraph).tokens, key)}
        </Text>
      );
    case 'list': {
      const list = t as Tokens.List;
      return (
        <List
          key={key}
          type={list.ordered ? 'ordered' : 'unordered'}
          start={list.ordered && list.start !== '' ? list.start : undefined}
          mb="sm"
          withPadding
        >
          {list.items.map((item, i) => listItem(item, `${key}.${i}`))}
        </List>
      );
    }
    case 'table': {
      const table = t as Tokens.Table;
      return (
        <Table.ScrollContainer key={key} minWidth={320} mb="sm">
          <Table withTableBorder withColumnBorders>
            <Table.Thead>
              <Table.Tr>
                {table.header.map((cell, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells have no identity but their place
                  <Table.Th key={i} ta={cell.align ?? undefined}>
                    {inline(cell.tokens, `${key}.h${i}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.rows.map((row, r) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
                <Table.Tr key={r}>
                  {row.map((cell, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells have no identity but their place
                    <Table.Td key={i} ta={cell.align ?? undefined}>
                      {inline(cell.tokens, `${key}.${r}.${i}`)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      );
    }
    case 'blockquote':
      return (
        <Blockquote key={key} p="sm" mb="sm">
          {blocks((t as Tokens.Blockquote).tokens, key)}
        </Blockquote>
      );
    case 'code':
      return (
        <Code key={key} block mb="sm">
          {(t as Tokens.Code).text}
        </Code>
      );
    case 'hr':
      return <Divider key={key} my="md" />;
    case 'text': {
      const text = t as Tokens.Text;
      return (
        <Text key={key} mb="sm">
          {text.tokens ? inline(text.tokens, key) : text.text}
        </Text>
      );
    }
    default:
      // block HTML and anything else: the literal source, never markup
      return (
        <Text key={key} mb="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {t.raw}
        </Text>
      );
  }
}

function blocks(tokens: Token[], key: string): ReactNode[] {
  return tokens.map((t, i) => block(t, `${key}.${i}`));
}

/** Renders a document's Markdown body; `label` names the region for screen readers. */
export function MarkdownView({ source, label }: { source: string; label?: string }) {
  const tokens = useMemo(() => marked.lexer(source, { gfm: true }), [source]);
  return (
    <Box aria-label={label} style={{ overflowWrap: 'anywhere' }}>
      {blocks(tokens, 'b')}
    </Box>
  );
}
