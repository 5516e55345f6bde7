import { Alert, Button, Group, MultiSelect, Paper, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { useMembers } from '../../../shared/org/orgData';
import { fieldErrorLookup } from '../../../shared/problem';
import { BackLink } from '../../../shared/ui/BackLink';
import { FormError } from '../../../shared/ui/FormError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import { useReviewSettings, useSaveReviewSettings } from '../hooks/useManagementReviews';

function TopManagementForm({ initial }: { initial: string[] }) {
  const { org } = useOrg();
  const members = useMembers(org.id);
  const [ids, setIds] = useState(initial);
  const { dirty, markClean } = useDirty(ids);
  const guard = useLeaveGuard(dirty);
  const save = useSaveReviewSettings(org.id);
  const errorFor = fieldErrorLookup(save.fieldErrors);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    try {
      const saved = await save.mutateAsync({ topManagementUserIds: ids });
      markClean(saved.topManagementUserIds);
    } catch {
      // shown in FormError
    }
  };
  const data = (members.data?.items ?? []).map((m) => ({ value: m.userId, label: `${m.name} (${m.email})` }));
  return (
    <Paper withBorder p="lg" component="form" onSubmit={submit} aria-label="Set top management">
      <Stack gap="md" maw={640}>
        <MultiSelect
          label="Top management"
          description="The members who direct the organization. Only they may approve a management review, and a review should have one of them attending."
          data={data}
          value={ids}
          onChange={setIds}
          searchable
          clearable
          nothingFoundMessage="No member matches"
          error={errorFor('topManagementUserIds') ?? Object.values(save.fieldErrors)[0]}
          comboboxProps={{ withinPortal: true }}
        />
        {ids.length === 0 && (
          <Alert color="orange" variant="light">
            No one is set as top management: no review can be approved.
          </Alert>
        )}
        <FormError error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!dirty}>
            Save
          </Button>
        </Group>
      </Stack>
      <LeaveGuardModal guard={guard} what="Top management" />
    </Paper>
  );
}

/** Who is top management (administrators only). */
export function ManagementReviewSettingsPage() {
  const { org, can } = useOrg();
  const settings = useReviewSettings(org.id);
  return (
    <Stack gap="lg">
      <BackLink to={`/orgs/${org.id}/management-reviews`}>Management reviews</BackLink>
      <PageHeader eyebrow="Management reviews" title="Top management" />
      {can('admin') ? (
        <QueryState query={settings}>{(s) => <TopManagementForm initial={s.topManagementUserIds} />}</QueryState>
      ) : (
        <Text>Only administrators set who is top management.</Text>
      )}
    </Stack>
  );
}
