import { Anchor, Button, Checkbox, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCurrentSession } from '../../../app/auth/session';
import { useOrg } from '../../../app/orgs/OrgContext';
import { formatDate, todayIso } from '../../../shared/ui/format';
import { FormError } from '../../../shared/ui/FormError';
import { useFocusFirstError } from '../../../shared/ui/useFocusFirstError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import { useCrosswalk } from '../../catalogue';
import { useProfile } from '../../organizations';
import { useAssessments, useCreateAssessment } from '../hooks/useGap';

interface Props {
  opened: boolean;
  onClose: () => void;
}

/**
 * Starts an assessment; an ISO/IEC 27001 holder ticks the ISMS processes it
 * reuses. When there is an earlier assessment, the new one starts from the
 * latest one's answers (a re-assessment is an update, not a blank page), each
 * carried over until someone confirms or changes it; "a blank assessment" is
 * one choice away.
 */
export function NewAssessmentModal({ opened, onClose }: Props) {
  const { org } = useOrg();
  const session = useCurrentSession();
  const navigate = useNavigate();
  const profile = useProfile(org.id);
  const holds27001 = !!profile.data?.certifications.some((c) => c.standard === 'ISO/IEC 27001');
  const crosswalk = useCrosswalk(holds27001 ? 'iso27001-2022' : null);
  const create = useCreateAssessment(org.id);
  const [title, setTitle] = useState('ISO/IEC 42001 gap assessment');
  const [date, setDate] = useState(todayIso);
  const [assessor, setAssessor] = useState(session.user.name);
  const [reused, setReused] = useState<string[]>([]);
  const earlier = useAssessments(org.id).data?.items ?? [];
  // undefined: not chosen yet, so the latest earlier assessment; '': blank
  const [chosenStart, setStartFrom] = useState<string | undefined>(undefined);
  const startFrom = chosenStart ?? earlier[0]?.id ?? '';
  const form = useRef<HTMLFormElement>(null);
  const guard = useLeaveGuard(useDirty({ title, date, assessor, reused }, opened).dirty);
  const { fieldErrors: errors, errorFor } = create;
  useFocusFirstError(create.error, form);
  const processError = Object.entries(errors)
    .filter(([k]) => k.startsWith('reusedIsmsProcesses'))
    .map(([, m]) => m)
    .join('; ');

  const close = () => {
    create.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (create.isPending) return;
    create.mutate(
      { title, assessmentDate: date, assessor, reusedIsmsProcesses: reused, ...(startFrom ? { startFrom } : {}) },
      {
        onSuccess: (a) => {
          guard.allowLeave();
          navigate(`/orgs/${org.id}/gap-assessment/${a.id}/answer`);
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title="New gap assessment" size="lg" centered>
      <form ref={form} onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Title"
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errorFor('title')}
            maxLength={200}
            data-autofocus
          />
          <Group grow align="flex-start">
            <TextInput
              label="Assessment date"
              type="date"
              required
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              error={errorFor('assessmentDate')}
            />
            <TextInput
              label="Assessor"
              description="Who carries out the assessment"
              value={assessor}
              onChange={(e) => setAssessor(e.currentTarget.value)}
              error={errorFor('assessor')}
              maxLength={200}
            />
          </Group>
          {earlier.length > 0 && (
            <NativeSelect
              label="Start from"
              description="A re-assessment starts from an earlier assessment's answers: each is marked “carried over” until you confirm it (save it unchanged) or change it."
              value={startFrom}
              onChange={(e) => setStartFrom(e.currentTarget.value)}
              error={errorFor('startFrom')}
              data={[
                ...earlier.map((a) => ({
                  value: a.id,
                  label: `${a.title} (${formatDate(a.assessmentDate)}, ${a.answered} answers)`,
                })),
                { value: '', label: 'A blank assessment' },
              ]}
            />
          )}
          {holds27001 ? (
            <Checkbox.Group
              label="ISO/IEC 27001 processes you reuse"
              description="Your profile lists an ISO/IEC 27001 certificate. Each process you tick marks the requirements it covers as partially implemented, with the AI-specific part still to do as a note. The AI policy, AI risk criteria and method, AI objectives and the impact assessment are never pre-filled: an ISMS has none of them."
              value={reused}
              onChange={setReused}
              error={processError || undefined}
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
                {/* a process that pre-fills nothing (risk management: its AI counterparts are all new work) is not offered */}
                {crosswalk.data?.processes
                  ?.filter((p) => p.prefills.length > 0)
                  .map((p) => (
                    <Checkbox
                      key={p.id}
                      value={p.id}
                      label={p.title}
                      description={`${p.prefills.length} requirement${p.prefills.length === 1 ? '' : 's'}: ${p.prefills
                        .map((f) => f.requirementId)
                        .join(', ')}`}
                    />
                  ))}
              </SimpleGrid>
            </Checkbox.Group>
          ) : (
            <Text size="sm" c="dimmed">
              Certified to ISO/IEC 27001? Add the certificate to the{' '}
              <Anchor component={Link} to={`/orgs/${org.id}/profile`} size="sm">
                organization profile
              </Anchor>{' '}
              to reuse its ISMS processes here.
            </Text>
          )}
          <FormError error={create.error} placed={['title', 'assessmentDate', 'assessor', 'reusedIsmsProcesses', 'startFrom']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Start assessment
            </Button>
          </Group>
        </Stack>
      </form>
      <LeaveGuardModal guard={guard} what="The new assessment" />
    </Modal>
  );
}
