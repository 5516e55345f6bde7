import { Button, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrorLookup } from '../../../shared/problem';
import { formatDateTime } from '../../../shared/ui/format';
import { FormError } from '../../../shared/ui/FormError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import { type ManagementReview, usePrepareInputs } from '../hooks/useManagementReviews';

type Section = NonNullable<ManagementReview['inputs']>['sections'][number];

function InputSection({ section }: { section: Section }) {
  return (
    <Stack gap={4} component="section" aria-label={section.heading}>
      <Title order={4} size="h5">
        {section.heading}
      </Title>
      {section.facts.map((f) => (
        <Text key={f} size="sm">
          {f}
        </Text>
      ))}
      {section.numbers.length > 0 && (
        <Table withRowBorders={false} verticalSpacing={2} fz="sm" maw={420}>
          <Table.Tbody>
            {section.numbers.map((n) => (
              <Table.Tr key={n.label}>
                <Table.Td c="dimmed">{n.label}</Table.Td>
                <Table.Td ta="right">{n.value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/**
 * The review's inputs: compiled from the registers when someone prepares
 * them and frozen on the review, so the meeting discusses what was true on
 * that day. Preparing again replaces them, until the review is approved.
 */
export function InputsCard({ orgId, review, canWrite }: { orgId: string; review: ManagementReview; canWrite: boolean }) {
  const locked = review.status === 'approved' || !!review.archivedAt;
  const [needs, setNeeds] = useState(review.resourceNeeds);
  const { dirty, markClean } = useDirty(needs, canWrite && !locked);
  const guard = useLeaveGuard(dirty);
  const prepare = usePrepareInputs(orgId, review.id);
  const errorFor = fieldErrorLookup(prepare.fieldErrors);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (prepare.isPending || locked) return;
    try {
      const saved = await prepare.mutateAsync({ resourceNeeds: needs });
      markClean(saved.resourceNeeds);
    } catch {
      // shown in FormError
    }
  };
  const inputs = review.inputs;
  return (
    <SectionCard
      title="Inputs"
      description={
        inputs
          ? `Compiled ${formatDateTime(inputs.preparedAt)} by ${inputs.preparedBy}${inputs.since ? `, compared with the review of ${inputs.since}` : ''}. Later changes in the registers do not change them.`
          : 'Not prepared yet. Preparing compiles the facts from every register now and keeps them with the review.'
      }
    >
      <Stack gap="md">
        {inputs?.sections.map((s) => (
          <InputSection key={s.key} section={s} />
        ))}
        {canWrite && !locked && (
          <form onSubmit={submit} aria-label="Prepare inputs">
            <Stack gap="sm">
              <Textarea
                label="Resource needs"
                description="People, budget or tools the management system needs; it goes into the inputs."
                autosize
                minRows={2}
                value={needs}
                onChange={(e) => setNeeds(e.currentTarget.value)}
                error={errorFor('resourceNeeds')}
              />
              <FormError error={prepare.error} />
              <Group>
                <Button type="submit" loading={prepare.isPending} variant={inputs ? 'default' : 'filled'}>
                  {inputs ? 'Re-prepare inputs' : 'Prepare inputs'}
                </Button>
              </Group>
            </Stack>
            <LeaveGuardModal guard={guard} what="The resource needs" />
          </form>
        )}
      </Stack>
    </SectionCard>
  );
}
