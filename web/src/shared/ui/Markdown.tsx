import { List, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

// Renders the small Markdown subset the server writes (headings, bullet
// lists, paragraphs, _emphasis_ and **strong**) as React elements, so no
// HTML from the API is ever injected into the page.

type Block = { kind: 'h1' | 'h2' | 'h3' | 'p'; text: string } | { kind: 'ul'; items: string[] };

function parse(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'p', text: paragraph.join(' ') });
    paragraph = [];
  };
  for (const raw of markdown.split('\n')) {
    const line = raw.trimEnd();
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: (['h1', 'h2', 'h3'] as const)[heading[1].length - 1], text: heading[2] });
    } else if (bullet) {
      flush();
      const last = blocks[blocks.length - 1];
      if (last?.kind === 'ul') last.items.push(bullet[1]);
      else blocks.push({ kind: 'ul', items: [bullet[1]] });
    } else if (!line.trim()) {
      flush();
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}

function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  const re = /\*\*([^*]+)\*\*|(?<![\w])_([^_]+)_(?![\w])/g;
  let last = 0;
  let m: RegExpExecArray | null = re.exec(text);
  while (m) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(m[1] !== undefined ? <strong key={m.index}>{m[1]}</strong> : <em key={m.index}>{m[2]}</em>);
    last = m.index + m[0].length;
    m = re.exec(text);
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function Markdown({ source }: { source: string }) {
  return (
    <div className="markdown">
      {parse(source).map((block, i) => {
        const key = `${block.kind}-${i}`;
        switch (block.kind) {
          case 'h1':
            return (
              <Title key={key} order={3} fz="lg" mb="xs">
                {inline(block.text)}
              </Title>
            );
          case 'h2':
          case 'h3':
            return (
              <Title key={key} order={4} fz="sm" mt="md" mb={4}>
                {inline(block.text)}
              </Title>
            );
          case 'ul':
            return (
              <List key={key} size="sm" spacing={2}>
                {block.items.map((item, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: static rendered text
                  <List.Item key={j}>{inline(item)}</List.Item>
                ))}
              </List>
            );
          default:
            return (
              <Text key={key} size="sm" mb="xs">
                {inline(block.text)}
              </Text>
            );
        }
      })}
    </div>
  );
}
