import { Button, Group, NativeSelect, Stack } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import type { VersionSummary } from './types';

interface Props {
  /** newest first, at least two */
  versions: VersionSummary[];
  /** with a Compare button: where the comparison opens (its own page) */
  onCompare?: (from: number, to: number) => void;
  /** the Compare button as the page's main action rather than a secondary one */
  primary?: boolean;
  /** without onCompare: the comparison shown under the choice, as it changes */
  children?: (from: number, to: number) => ReactNode;
}

/** Which two versions to compare: the previous and the latest at first. */
export function CompareVersionsPicker({ versions, onCompare, primary = false, children }: Props) {
  const [to, setTo] = useState(String(versions[0].version));
  const [from, setFrom] = useState(String(versions[1].version));
  const options = versions.map((v) => ({ value: String(v.version), label: `Version ${v.version} (${v.status})` }));
  const selects = (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <NativeSelect
        label="Compare version"
        data={options}
        value={from}
        onChange={(e) => setFrom(e.currentTarget.value)}
        w={220}
      />
      <NativeSelect label="with version" data={options} value={to} onChange={(e) => setTo(e.currentTarget.value)} w={220} />
      {onCompare && (
        <Button type="submit" variant={primary ? 'filled' : 'default'} disabled={from === to}>
          Compare
        </Button>
      )}
    </Group>
  );
  if (onCompare)
    return (
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onCompare(Number(from), Number(to));
        }}
      >
        {selects}
      </form>
    );
  return (
    <Stack gap="sm">
      {selects}
      {from !== to && children?.(Number(from), Number(to))}
    </Stack>
  );
}
