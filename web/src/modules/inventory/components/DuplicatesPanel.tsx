import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Fragment, type Ref, useState } from 'react';
import { Link } from 'react-router';
import type { AiSystem, DuplicateGroup } from '../hooks/useAiSystems';
import { MergeModal } from './MergeModal';

interface Props {
  orgId: string;
  groups: DuplicateGroup[];
  canWrite: boolean;
  onMerged: (kept: AiSystem, group: DuplicateGroup) => void;
  /** the panel's heading, focused when the summary's count is chosen */
  headingRef?: Ref<HTMLHeadingElement>;
}

/** Groups of records that look like the same AI system entered twice, each with its reason and a Merge action. */
export function DuplicatesPanel({ orgId, groups, canWrite, onMerged, headingRef }: Props) {
  const [merging, setMerging] = useState<DuplicateGroup | null>(null);
  return (
    <Paper
      withBorder
      p="lg"
      component="section"
      aria-labelledby="duplicates-title"
      style={{ borderColor: 'var(--mantine-color-orange-3)' }}
    >
      <Group justify="space-between" mb={4}>
        <Group gap="xs">
          <Title order={2} fz="md" id="duplicates-title" ref={headingRef} tabIndex={-1}>
            Likely duplicates
          </Title>
          <Badge color="orange" variant="light" radius="sm">
            {groups.length}
          </Badge>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        Records with the same or a near-same name and nothing that tells them apart. An auditor reads a duplicate as an inventory
        that is not under control: merge them, keeping both histories.
      </Text>
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {groups.map((g) => (
          <Paper component="li" key={g.ids.join()} withBorder p="sm" bg="var(--mantine-color-gray-0)">
            <Group justify="space-between" wrap="wrap" align="center" gap="xs">
              <Stack gap={2}>
                <Text size="sm" fw={600}>
                  {g.ids.map((id, i) => (
                    <Fragment key={id}>
                      {i > 0 && (
                        <Text span c="dimmed" fw={400}>
                          {i === g.ids.length - 1 ? ' and ' : ', '}
                        </Text>
                      )}
                      <Anchor component={Link} to={`/orgs/${orgId}/inventory/${id}`} inherit>
                        {g.names[i]}
                      </Anchor>
                    </Fragment>
                  ))}
                </Text>
                <Text size="xs" c="dimmed">
                  {g.reason.charAt(0).toUpperCase() + g.reason.slice(1)}
                </Text>
              </Stack>
              {canWrite && (
                <Button
                  size="xs"
                  variant="light"
                  color="orange"
                  onClick={() => setMerging(g)}
                  aria-label={`Merge ${g.names.join(' and ')}…`}
                >
                  Merge…
                </Button>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
      {merging && (
        <MergeModal
          group={merging}
          onClose={() => setMerging(null)}
          onMerged={(kept) => {
            setMerging(null);
            onMerged(kept, merging);
          }}
        />
      )}
    </Paper>
  );
}
