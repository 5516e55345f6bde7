import { Button, Group, Modal, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { FormError } from '../../../shared/ui/FormError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import { useAddOwnControl } from '../hooks/useSoa';

/** Adds a control of the organization's own to the SoA: an id of its choosing or the next OC-nn. */
export function OwnControlModal({ orgId, etag, onClose }: { orgId: string; etag: string; onClose: () => void }) {
  const add = useAddOwnControl(orgId);
  const [controlId, setControlId] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [justification, setJustification] = useState('');
  const [applicable, setApplicable] = useState(true);
  const dirty = !!(controlId || title || description || justification) && !add.isSuccess;
  const guard = useLeaveGuard(dirty);
  const { errorFor } = add;
  return (
    <Modal opened onClose={onClose} title="Add an own control" centered size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (add.isPending) return;
          add.mutate(
            {
              ifMatch: etag,
              body: {
                ...(controlId.trim() ? { controlId: controlId.trim() } : {}),
                title,
                description,
                justification,
                applicable,
                implementationStatus: 'not-implemented',
                implementation: '',
              },
            },
            { onSuccess: onClose },
          );
        }}
      >
        <Stack gap="sm">
          <TextInput
            label="Id"
            description="Your own id, e.g. SEC-7; leave empty for the next OC-nn. Annex A ids (A.x.y) are the catalogue's."
            maxLength={32}
            value={controlId}
            onChange={(e) => setControlId(e.currentTarget.value)}
            error={errorFor('controlId')}
          />
          <TextInput
            label="Title"
            required
            maxLength={200}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errorFor('title')}
            data-autofocus
          />
          <Textarea
            label="Description"
            description="What the control does and what it covers."
            autosize
            minRows={2}
            maxLength={4000}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errorFor('description')}
          />
          <Switch label="Applicable" checked={applicable} onChange={(e) => setApplicable(e.currentTarget.checked)} />
          <Textarea
            label="Justification"
            description={applicable ? 'Why the organization needs it.' : 'Required: why it is excluded.'}
            autosize
            minRows={1}
            maxLength={4000}
            value={justification}
            onChange={(e) => setJustification(e.currentTarget.value)}
            error={errorFor('justification')}
          />
          <FormError error={add.error} placed={['controlId', 'title', 'description', 'justification']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Add control
            </Button>
          </Group>
        </Stack>
      </form>
      <LeaveGuardModal guard={guard} what="The new control" />
    </Modal>
  );
}
