import { structuredPatch } from 'diff';
import type { DocumentContent, DocumentDiff } from './documents.schemas.js';

// What changed between two versions of a document, line by line, for a
// reviewer: Markdown bodies as hunks with three lines of context; an
// uploaded file as one line naming both files and their hashes. Pure.

const describeFile = (c: Extract<DocumentContent, { format: 'file' }>) => `${c.fileName} (sha ${c.sha256.slice(0, 12)})`;

/** The text a version compares as: its body, or one line for a file. */
function textOf(c: DocumentContent): string {
  return c.format === 'markdown' ? c.body : `File ${describeFile(c)}`;
}

const withNewline = (s: string) => (s === '' || s.endsWith('\n') ? s : `${s}\n`);

export function diffVersions(from: number, to: number, before: DocumentContent, after: DocumentContent): DocumentDiff {
  const format = before.format === after.format ? before.format : 'mixed';
  if (before.format === 'file' && after.format === 'file') {
    const same = before.sha256 === after.sha256 && before.fileName === after.fileName;
    const line = `File changed from ${describeFile(before)} to ${describeFile(after)}`;
    return {
      from,
      to,
      format,
      hunks: same ? [] : [{ oldStart: 1, oldLines: 1, newStart: 1, newLines: 1, lines: [{ kind: 'same', text: line }] }],
      summary: { added: same ? 0 : 1, removed: same ? 0 : 1 },
    };
  }
  // A trailing newline on one side only is no change a reader cares about.
  const patch = structuredPatch('from', 'to', withNewline(textOf(before)), withNewline(textOf(after)), '', '', { context: 3 });
  let added = 0;
  let removed = 0;
  const hunks = patch.hunks.map((h) => ({
    oldStart: h.oldStart,
    oldLines: h.oldLines,
    newStart: h.newStart,
    newLines: h.newLines,
    lines: h.lines
      .filter((l) => !l.startsWith('\\'))
      .map((l) => {
        const kind = l[0] === '+' ? ('add' as const) : l[0] === '-' ? ('remove' as const) : ('same' as const);
        if (kind === 'add') added++;
        if (kind === 'remove') removed++;
        return { kind, text: l.slice(1) };
      }),
  }));
  return { from, to, format, hunks, summary: { added, removed } };
}
