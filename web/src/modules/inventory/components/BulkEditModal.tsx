import { Alert, Button, Checkbox, Group, Modal, Paper, Radio, Stack, Text } from '@mantine/core';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { plural } from '../../../shared/ui/format';
import { FormError } from '../../../shared/ui/FormError';
import { RiskLevelSelect } from '../../../shared/org/RiskLevelSelect';
import { type BulkEditSet, useBulkEdit } from '../hooks/useAiSystems';
import { emptyOwner, OwnerInput, type OwnerDraft, toOwnerInput } from '../../../shared/org/OwnerInput';

interface Props {
  ids: string[];
  opened: boolean;
  onClose: () => void;
  onDone: (updated: number) => void;
}

type Field = 'businessOwner' | 'technicalOwner' | 'riskLevel' | 'inScope';

/** Sets owner, risk level or scope on every selected system in one change: all of them or none. */
export function BulkEditModal({ ids, opened, onClose, onDone }: Props) {
  const { org } = useOrg();
  const bulk = useBulkEdit(org.id);
  const [on, setOn] = useState<Record<Field, boolean>>({
    businessOwner: false,
    technicalOwner: false,
    riskLevel: false,
    inScope: false,
  });
  const [businessOwner, setBusinessOwner] = useState<OwnerDraft>(emptyOwner);
  const [technicalOwner, setTechnicalOwner] = useState<OwnerDraft>(emptyOwner);
  const [riskLevel, setRiskLevel] = useState<string | null>(null);
  const [inScope, setInScope] = useState<'yes' | 'no' | 'undecided'>('yes');
  const chosen = Object.values(on).some(Boolean);
  const toggle = (f: Field) => (e: ChangeEvent<HTMLInputElement>) => {
    const checked = e.currentTarget.checked;
    setOn((o) => ({ ...o, [f]: checked }));
  };

  const close = () => {
    bulk.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const set: BulkEditSet = {};
    if (on.businessOwner) set.businessOwner = toOwnerInput(businessOwner);
    if (on.technicalOwner) set.technicalOwner = toOwnerInput(technicalOwner);
    if (on.riskLevel) set.riskLevel = riskLevel;
    if (on.inScope) set.inScope = inScope === 'yes' ? true : inScope === 'no' ? false : null;
    bulk.mutate({ ids, set }, { onSuccess: (r) => onDone(r.updated) });
  };

  return (
    <Modal opened={opened} onClose={close} title={`Edit ${plural(ids.length, 'AI system')}`} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            Tick what to change. The other fields of each system stay as they are; each system's history records the change.
          </Text>
          <Paper withBorder p="sm">
            <Checkbox label="Change the business owner" checked={on.businessOwner} onChange={toggle('businessOwner')} />
            {on.businessOwner && (
              <OwnerInput
                mt="sm"
                label="Business owner"
                value={businessOwner}
                onChange={setBusinessOwner}
                placeholder="Leave empty to clear"
              />
            )}
          </Paper>
          <Paper withBorder p="sm">
            <Checkbox label="Change the technical owner" checked={on.technicalOwner} onChange={toggle('technicalOwner')} />
            {on.technicalOwner && (
              <OwnerInput
                mt="sm"
                label="Technical owner"
                value={technicalOwner}
                onChange={setTechnicalOwner}
                placeholder="Leave empty to clear"
              />
            )}
          </Paper>
          <Paper withBorder p="sm">
            <Checkbox label="Change the risk level" checked={on.riskLevel} onChange={toggle('riskLevel')} />
            {on.riskLevel && (
              <RiskLevelSelect
                mt="sm"
                label="Risk level"
                value={riskLevel}
                onChange={setRiskLevel}
                placeholder="Not rated (clears the rating)"
                maw={320}
              />
            )}
          </Paper>
          <Paper withBorder p="sm">
            <Checkbox label="Change whether they are in scope" checked={on.inScope} onChange={toggle('inScope')} />
            {on.inScope && (
              <Radio.Group
                mt="sm"
                label="In scope of the AI management system"
                value={inScope}
                onChange={(v) => setInScope(v as typeof inScope)}
              >
                <Group mt="xs" gap="lg">
                  <Radio value="yes" label="In scope" />
                  <Radio value="no" label="Out of scope" />
                  <Radio value="undecided" label="Not decided" />
                </Group>
              </Radio.Group>
            )}
          </Paper>
          {on.riskLevel && !riskLevel && (
            <Alert color="yellow" variant="light">
              No level chosen: the selected systems will be marked as not risk-rated.
            </Alert>
          )}
          <FormError error={bulk.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" disabled={!chosen} loading={bulk.isPending}>
              Apply to {plural(ids.length, 'system')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
