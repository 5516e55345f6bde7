import { Badge, Box, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { DocumentDiff } from '../hooks/useDocumentContent';

// Two versions of a document line by line: added lines green with "+",
// removed red with "−", each with its line number in the old and the new
// version, so a reviewer can point at "line 14 of version 2". Unchanged lines
// around a change are kept as context (the server's hunks).

type Hunk = DocumentDiff['hunks'][number];
type Line = Hunk['lines'][number];

const STYLE: Record<Line['kind'], { bg?: string; sign: string; label: string }> = {
  add: { bg: 'var(--mantine-color-green-1)', sign: '+', label: 'added' },
  remove: { bg: 'var(--mantine-color-red-1)', sign: '−', label: 'removed' },
  same: { sign: ' ', label: 'unchanged' },
};

/** Each line with its number in the old version (not for added lines) and in the new (not for removed). */
function numbered(hunk: Hunk) {
  let oldNo = hunk.oldStart;
  let newNo = hunk.newStart;
  return hunk.lines.map((line) => {
    const row = { ...line, oldNo: line.kind === 'add' ? null : oldNo, newNo: line.kind === 'remove' ? null : newNo };
    if (line.kind !== 'add') oldNo += 1;
    if (line.kind !== 'remove') newNo += 1;
    return row;
  });
}

const numberCell = { width: '3.5em', flexShrink: 0, textAlign: 'right' as const, color: 'var(--mantine-color-dimmed)' };

export function DiffView({ diff }: { diff: DocumentDiff }) {
  const { added, removed } = diff.summary;
  return (
    <Stack gap="sm">
      <Group gap="xs" aria-live="polite">
        <Badge color="green" variant="light" tt="none">
          {added === 1 ? '1 line added' : `${added} lines added`}
        </Badge>
        <Badge color="red" variant="light" tt="none">
          {removed === 1 ? '1 line removed' : `${removed} lines removed`}
        </Badge>
      </Group>
      {diff.hunks.length === 0 ? (
        <Text size="sm" c="dimmed">
          The two versions have the same text.
        </Text>
      ) : (
        diff.hunks.map((hunk) => (
          <Paper
            key={`${hunk.oldStart}-${hunk.newStart}`}
            withBorder
            radius="sm"
            style={{ overflowX: 'auto' }}
            component="section"
            aria-label={`Changes at line ${hunk.newStart} of version ${diff.to}`}
          >
            <Text size="xs" c="dimmed" px="sm" py={4} bg="var(--mantine-color-gray-0)">
              Version {diff.from} lines {hunk.oldStart}–{hunk.oldStart + Math.max(0, hunk.oldLines - 1)} · version {diff.to} lines{' '}
              {hunk.newStart}–{hunk.newStart + Math.max(0, hunk.newLines - 1)}
            </Text>
            <Box component="ol" m={0} p={0} style={{ listStyle: 'none', fontFamily: 'var(--mantine-font-family-monospace)' }}>
              {numbered(hunk).map((line, i) => {
                const s = STYLE[line.kind];
                return (
                  <Box
                    component="li"
                    // biome-ignore lint/suspicious/noArrayIndexKey: a hunk's lines are fixed and ordered
                    key={i}
                    data-kind={line.kind}
                    style={{ display: 'flex', gap: 8, background: s.bg, fontSize: 13, lineHeight: 1.5, paddingInline: 8 }}
                  >
                    <span style={numberCell} aria-hidden>
                      {line.oldNo ?? ''}
                    </span>
                    <span style={numberCell} aria-hidden>
                      {line.newNo ?? ''}
                    </span>
                    <span aria-hidden style={{ width: '1em', flexShrink: 0 }}>
                      {s.sign}
                    </span>
                    {line.kind !== 'same' && <VisuallyHidden>{s.label}: </VisuallyHidden>}
                    <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', minWidth: 0 }}>{line.text || ' '}</span>
                  </Box>
                );
              })}
            </Box>
          </Paper>
        ))
      )}
    </Stack>
  );
}
