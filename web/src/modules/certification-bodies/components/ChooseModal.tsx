import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { fieldErrorLookup } from '../../../shared/problem';
import { FormError } from '../../../shared/ui/FormError';
import { type CertificationBody, useChooseCertificationBody } from '../hooks/useCertificationBodies';
import { WARNING_LABELS } from '../labels';

interface Props {
  body: CertificationBody;
  opened: boolean;
  onClose: () => void;
}

/**
 * "Choose this body": one reason per warning the body carries, written down
 * so that a buyer or an auditor asking later reads why it was chosen anyway.
 */
export function ChooseModal({ body, opened, onClose }: Props) {
  const { org } = useOrg();
  const choose = useChooseCertificationBody(org.id, body.id);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<Record<string, string>>({});
  const errorFor = fieldErrorLookup({ ...choose.fieldErrors, ...missing });
  const submit = () => {
    const local: Record<string, string> = {};
    for (const w of body.warnings)
      if (!reasons[w.code]?.trim()) local[`reasons.${w.code}`] = 'Give a reason, or fix the body first';
    setMissing(local);
    if (Object.keys(local).length) return;
    const given = Object.fromEntries(body.warnings.map((w) => [w.code, reasons[w.code].trim()]));
    choose.mutate(given, { onSuccess: onClose });
  };
  return (
    <Modal opened={opened} onClose={onClose} title={`Choose ${body.name}`} centered size="lg">
      <Stack>
        <Text size="sm">
          {body.warnings.length === 0
            ? 'This body carries no warning. Choosing it puts any body chosen before back among the candidates.'
            : 'This body still carries warnings. Give a reason for each, or go back and complete the checklist first. Any body chosen before goes back among the candidates.'}
        </Text>
        {body.warnings.map((w) => (
          <Textarea
            key={w.code}
            label={WARNING_LABELS[w.code]}
            description={w.message}
            required
            autosize
            minRows={2}
            maxLength={2000}
            value={reasons[w.code] ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setReasons((r) => ({ ...r, [w.code]: value }));
            }}
            error={errorFor(`reasons.${w.code}`)}
          />
        ))}
        <FormError error={choose.error} title="Not chosen" placed={['reasons']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={choose.isPending} color="teal">
            Choose this body
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
