import { Alert, Button, Group, Stack, Stepper } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { fieldErrorLookup } from '../../../shared/problem';
import { versionTag } from '../../../shared/register';
import { ConflictDialog } from '../../../shared/ui/ConflictDialog';
import { FormError } from '../../../shared/ui/FormError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { QueryState } from '../../../shared/ui/QueryState';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import {
  type ImpactAssessment,
  type ImpactAssessmentDetail,
  type ImpactScales,
  type SystemChoice,
  useApproveAssessment,
  useCreateAssessment,
  useImpactScales,
  useSystemChoices,
  useUpdateAssessment,
} from '../hooks/useImpactAssessments';
import { ExistingAssessments } from './ExistingAssessments';
import { type AssessmentDraft, bodyOf, draftOf } from './wizardState';
import { StepImpacts, StepMitigations, StepPeople, StepReview, StepSystem } from './WizardSteps';

const STEPS = [
  { label: 'System & context', fields: ['aiSystemId', 'intendedPurpose', 'contextOfUse'] },
  { label: 'Affected people', fields: ['affectedIndividuals', 'affectedGroups', 'affectedSocieties'] },
  { label: 'Impacts', fields: ['impacts'] },
  { label: 'Misuse & mitigations', fields: ['foreseeableMisuse'] },
  { label: 'Review & approve', fields: ['assessor', 'nextReviewDate'] },
];
const PLACED = STEPS.flatMap((s) => s.fields);

interface Props {
  /** the draft being edited; null for a new assessment */
  saved: ImpactAssessment | null;
  /** the working copy to start from */
  initial: AssessmentDraft;
  /** the AI system's name when it is fixed (a saved draft, a reassessment); null lets the user choose */
  systemName: string | null;
  /** a system offered before any search (the one the page was opened for) */
  preselected?: SystemChoice;
}

export function AssessmentWizard(props: Props) {
  const { org } = useOrg();
  const scales = useImpactScales(org.id);
  return <QueryState query={scales}>{(s) => <Wizard {...props} scales={s} />}</QueryState>;
}

/**
 * Five steps; every "Next" saves the draft (the first creates it), so nothing
 * typed is lost between steps and a concurrent edit is caught at once.
 */
function Wizard({ saved, initial, systemName: fixedName, preselected, scales }: Props & { scales: ImpactScales }) {
  const { org, can } = useOrg();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useSystemChoices(org.id, fixedName === null ? q : '');
  const [chosen, setChosen] = useState<SystemChoice | null>(preselected ?? null);
  const systems = [...(chosen ? [chosen] : []), ...(found.data ?? []).filter((s) => s.id !== chosen?.id)];
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState(initial);
  const [record, setRecord] = useState<{ id: string; version: string; name: string } | null>(
    saved ? { id: saved.id, version: versionTag(saved.updatedAt), name: saved.name } : null,
  );
  const { dirty, markClean } = useDirty(draft);
  const guard = useLeaveGuard(dirty);
  const versionRef = useRef(record?.version ?? '');
  const create = useCreateAssessment(org.id);
  const update = useUpdateAssessment(org.id, {
    mine: (vars) => vars.body,
    onReload: (current, etag) => {
      const fresh = draftOf(current as ImpactAssessmentDetail);
      versionRef.current = etag;
      setDraft(fresh);
      markClean(fresh);
    },
  });
  const approve = useApproveAssessment(org.id);
  const set = (patch: Partial<AssessmentDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const pending = create.isPending || update.isPending || approve.isPending;
  const error = create.error ?? (update.conflict ? null : update.error) ?? approve.error;
  const errors = { ...create.fieldErrors, ...update.fieldErrors, ...approve.fieldErrors };
  const errorFor = fieldErrorLookup(errors);
  const systemName = record?.name ?? fixedName ?? chosen?.name ?? 'AI system';
  // purpose, context and misuse start from the inventory's record of the chosen system
  const choose = (id: string | null) => {
    const s = systems.find((x) => x.id === id) ?? null;
    setChosen(s);
    setDraft((d) => ({
      ...d,
      aiSystemId: id,
      intendedPurpose: s?.purpose ?? '',
      contextOfUse: s?.intendedUse ?? '',
      foreseeableMisuse: s?.foreseeableMisuse ?? '',
    }));
  };

  const stored = (a: ImpactAssessment) => {
    versionRef.current = versionTag(a.updatedAt);
    setRecord({ id: a.id, version: versionRef.current, name: a.name });
    const fresh = draftOf(a);
    // the server gives new impacts their ids; the rows keep their keys so inputs keep their state
    const keyed = { ...fresh, impacts: fresh.impacts.map((i, n) => ({ ...i, key: draft.impacts[n]?.key ?? i.key })) };
    setDraft(keyed);
    markClean(keyed);
    return a;
  };

  /** Saves what changed; resolves with the stored record (or the last one when nothing changed). */
  const save = async (): Promise<{ id: string } | null> => {
    if (!record) {
      if (!draft.aiSystemId) return null;
      return stored(await create.mutateAsync({ aiSystemId: draft.aiSystemId, ...bodyOf(draft) }));
    }
    if (!dirty) return record;
    return stored(await update.mutateAsync({ id: record.id, body: bodyOf(draft), ifMatch: versionRef.current }));
  };

  const next = async () => {
    if (pending) return;
    try {
      if (await save()) setStep((s) => Math.min(s + 1, STEPS.length - 1));
    } catch {
      // the form shows the problem
    }
  };
  const finish = async (andApprove: boolean) => {
    if (pending) return;
    try {
      const r = await save();
      if (!r) return;
      if (andApprove) await approve.mutateAsync({ id: r.id, ifMatch: versionRef.current });
      guard.allowLeave();
      navigate(`/orgs/${org.id}/impact-assessments/${r.id}`);
    } catch {
      // the form shows the problem
    }
  };

  const stepProps = { draft, set, errorFor, scales };
  const stepWithError = STEPS.findIndex((s) =>
    Object.keys(errors).some((f) => s.fields.some((p) => f === p || f.startsWith(`${p}.`))),
  );
  return (
    <Stack gap="lg">
      <Stepper active={step} onStepClick={record ? setStep : undefined} allowNextStepsSelect={!!record} size="sm">
        {STEPS.map((s, n) => (
          <Stepper.Step key={s.label} label={s.label} color={n === stepWithError ? 'red' : undefined} />
        ))}
      </Stepper>
      <form
        aria-label={`Impact assessment: ${STEPS[step].label}`}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void (step < STEPS.length - 1 ? next() : finish(false));
        }}
      >
        <Stack>
          {step === 0 && (
            <StepSystem
              {...stepProps}
              lockedName={record ? record.name : fixedName}
              systems={systems}
              onSearch={setSearch}
              onSystem={choose}
            />
          )}
          {step === 0 && !record && fixedName === null && draft.aiSystemId && (
            <ExistingAssessments aiSystemId={draft.aiSystemId} />
          )}
          {step === 1 && <StepPeople {...stepProps} />}
          {step === 2 && <StepImpacts {...stepProps} />}
          {step === 3 && <StepMitigations {...stepProps} />}
          {step === 4 && <StepReview {...stepProps} systemName={systemName} canApprove={can('approve')} />}
          {stepWithError >= 0 && stepWithError !== step && (
            <Alert color="red" variant="light">
              The step “{STEPS[stepWithError].label}” has a problem to fix.
            </Alert>
          )}
          <FormError error={error} placed={PLACED} title={approve.error ? 'Not approved' : 'Not saved'} />
          <Group justify="space-between">
            <Button variant="default" onClick={() => setStep((s) => s - 1)} disabled={step === 0 || pending}>
              Back
            </Button>
            <Group>
              {step < STEPS.length - 1 ? (
                <Button type="submit" loading={pending} disabled={!draft.aiSystemId}>
                  {record ? 'Save and continue' : 'Start the assessment'}
                </Button>
              ) : (
                <>
                  <Button type="submit" variant="default" loading={pending && !approve.isPending}>
                    Save draft
                  </Button>
                  {can('approve') && (
                    <Button onClick={() => void finish(true)} loading={approve.isPending}>
                      Approve
                    </Button>
                  )}
                </>
              )}
            </Group>
          </Group>
        </Stack>
      </form>
      <LeaveGuardModal guard={guard} what="This impact assessment" />
      <ConflictDialog what={`The impact assessment of ${systemName}`} {...update.conflictDialog} />
    </Stack>
  );
}
