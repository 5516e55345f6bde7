import { Alert, Button, Group, Loader, Modal, Paper, Radio, Stack, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { api, unwrap } from '../../../shared/api';
import { formatDateTime } from '../../../shared/ui/format';
import { FormError } from '../../../shared/ui/FormError';
import { type AiSystem, type DuplicateGroup, inventoryKey, useMergeAiSystems } from '../hooks/useAiSystems';
import { RiskBadge } from '../../../shared/org/RiskBadge';

interface Props {
  group: DuplicateGroup;
  onClose: () => void;
  onMerged: (kept: AiSystem) => void;
}

function RecordSummary({ s }: { s: AiSystem }) {
  const parts = [
    s.businessOwner ? `Business owner: ${s.businessOwner.name}` : 'No business owner',
    s.suppliers.length ? `Suppliers: ${s.suppliers.map((l) => l.name).join(', ')}` : null,
    s.externalId ? `External id: ${s.externalId}` : null,
    `Updated ${formatDateTime(s.updatedAt)}`,
  ].filter(Boolean);
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {s.name}
        </Text>
        <RiskBadge level={s.riskLevel} />
      </Group>
      {s.purpose && (
        <Text size="xs" lineClamp={2}>
          {s.purpose}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {parts.join(' · ')}
      </Text>
    </Stack>
  );
}

/** Merges a group of likely duplicates into the record chosen to keep; the others are archived with a link to it. */
export function MergeModal({ group, onClose, onMerged }: Props) {
  const { org } = useOrg();
  const merge = useMergeAiSystems(org.id);
  const [keptId, setKeptId] = useState(group.ids[0]);
  const records = useQueries({
    queries: group.ids.map((id) => ({
      queryKey: [...inventoryKey(org.id), 'system', id],
      queryFn: () =>
        unwrap(api.GET('/api/v1/orgs/{orgId}/ai-systems/{aiSystemId}', { params: { path: { orgId: org.id, aiSystemId: id } } })),
    })),
  });
  const loaded = records.every((r) => r.data);
  const kept = records.find((r) => r.data?.id === keptId)?.data;
  const others = group.ids.filter((id) => id !== keptId);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // mutateAsync, not mutate's onSuccess: the refetch after a merge can
    // unmount this modal (its duplicate group is gone) before a per-call
    // callback would run, and the "merged" notice would be lost.
    merge
      .mutateAsync({ keptId, duplicateIds: others })
      .then((k) => k && onMerged(k))
      .catch(() => {
        /* the error shows from merge.error */
      });
  };

  return (
    <Modal opened onClose={onClose} title="Merge likely duplicates" centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            {group.names.length} records look like the same AI system ({group.reason}). Choose the record to keep.
          </Text>
          {!loaded ? (
            <Group justify="center" py="md">
              <Loader size="sm" aria-label="Loading the records" />
            </Group>
          ) : (
            <Radio.Group label="Record to keep" value={keptId} onChange={setKeptId}>
              <Stack gap="xs" mt="xs">
                {records.map((r) =>
                  r.data ? (
                    <Paper
                      key={r.data.id}
                      withBorder
                      p="sm"
                      bg={r.data.id === keptId ? 'var(--mantine-color-brand-0)' : undefined}
                    >
                      <Radio value={r.data.id} label={<RecordSummary s={r.data} />} aria-label={`Keep ${r.data.name}`} />
                    </Paper>
                  ) : null,
                )}
              </Stack>
            </Radio.Group>
          )}
          <Alert color="blue" variant="light">
            The record kept takes the others' values where its own are empty, and their suppliers, tags and data categories. The
            others are archived with a link to it, and their history shows on its page. This cannot be undone.
          </Alert>
          <FormError error={merge.error} title="Not merged" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="orange" disabled={!loaded} loading={merge.isPending}>
              {kept ? `Merge into “${kept.name}”` : 'Merge'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
