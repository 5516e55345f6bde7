import { Alert, Grid, Stack } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { useOrg } from '../../../../app/orgs/OrgContext';
import { fieldErrorLookup, fieldErrorsOf } from '../../../../shared/problem';
import { versionTag } from '../../../../shared/register';
import { ConfirmModal } from '../../../../shared/ui/ConfirmModal';
import { ConflictDialog } from '../../../../shared/ui/ConflictDialog';
import { FormError } from '../../../../shared/ui/FormError';
import { LeaveGuardModal } from '../../../../shared/ui/LeaveGuardModal';
import { useFocusFirstError } from '../../../../shared/ui/useFocusFirstError';
import { useLeaveGuard } from '../../../../shared/ui/useLeaveGuard';
import {
  type ApprovalException,
  methodDraftVersion,
  riskMethodOverviewKey,
  type RiskMethodOverview,
  useApproveRiskMethod,
  useDiscardRiskMethodDraft,
  useSaveRiskMethodDraft,
} from '../../hooks/useRiskMethod';
import { AcceptanceSection } from './AcceptanceSection';
import { ApproveVersionModal } from '../../../../shared/ui/ApproveVersionModal';
import { MatrixSection } from './MatrixSection';
import { MethodChecks, MethodStatusCard } from './MethodSidePanel';
import { type Method, sameContent } from './methodForm';
import { ImpactSection, LikelihoodSection } from './ScaleSections';
import { SourcesSection } from './SourcesSection';

// Errors the sections show beside their inputs; the rest go to the form's alert.
const PLACED = ['likelihood', 'impact', 'levels', 'matrix', 'acceptance', 'riskSources', 'reviewIntervalMonths'].map(
  (f) => `content.${f}`,
);

/** The method's sections beside its status and checks; save, approve, discard. */
export function RiskMethodEditor({ overview }: { overview: RiskMethodOverview }) {
  const { org, can } = useOrg();
  const client = useQueryClient();
  const current = overview.draft ?? overview.approved;
  // with neither, the default method is the starting point (not yet saved)
  const saved: Method = current?.content ?? (overview.suggested?.content as Method);
  const [method, setMethod] = useState<Method>(saved);
  const methodRef = useRef(method);
  methodRef.current = method;
  // the version of the draft this copy came from: every write sends it (If-Match)
  const versionRef = useRef(methodDraftVersion(overview));
  const save = useSaveRiskMethodDraft(org.id, (theirs, etag) => {
    versionRef.current = etag;
    setMethod(theirs?.content ?? saved);
  });
  const approve = useApproveRiskMethod(org.id);
  const discard = useDiscardRiskMethodDraft(org.id);
  const [approveOpen, approveModal] = useDisclosure(false);
  const [approvingVersion, setApprovingVersion] = useState(1);
  const [discardOpen, discardModal] = useDisclosure(false);
  const canWrite = can('write');
  const dirty = !sameContent(method, saved);
  const errorFor = fieldErrorLookup(fieldErrorsOf(save.error), 'content.');
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(approveOpen ? null : save.error, formRef);

  const saveDraft = useCallback(async () => {
    const submitted = methodRef.current;
    const result = await save.mutateAsync({ content: submitted, ifMatch: versionRef.current });
    versionRef.current = versionTag(result.updatedAt);
    // the server's normalized content, unless the user kept editing meanwhile
    if (sameContent(methodRef.current, submitted)) setMethod(result.content);
    return result;
  }, [save]);

  const trySave = () => {
    approve.reset();
    saveDraft().catch(() => undefined);
  };

  const approveDraft = async (note: string, exceptions: ApprovalException[]) => {
    try {
      if (dirty || !overview.draft) await saveDraft();
      await approve.mutateAsync({ note, exceptions, ifMatch: versionRef.current });
      versionRef.current = versionTag(null);
      save.reset();
      approveModal.close();
    } catch {
      // shown in the dialog from the mutation's error
    }
  };

  const discardDraft = () =>
    discard.mutate(
      { ifMatch: versionRef.current },
      {
        onSuccess: () => {
          versionRef.current = versionTag(null);
          save.reset();
          // back to the approved version, or to the default when there is none
          // (the overview is refreshed by now: the mutation awaits it)
          const fresh = client.getQueryData<RiskMethodOverview>(riskMethodOverviewKey(org.id));
          const back = fresh?.approved?.content ?? fresh?.suggested?.content;
          if (back) setMethod(back);
          discardModal.close();
        },
      },
    );

  useHotkeys([['mod+S', () => canWrite && !save.isPending && trySave()]], []);
  const leaveGuard = useLeaveGuard(dirty);

  const checks = current?.checks ?? overview.suggested?.checks ?? [];
  const disabled = !canWrite;
  const sectionProps = { method, onChange: setMethod, errorFor, disabled };

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <form
          ref={formRef}
          aria-label="Risk method"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            trySave();
          }}
        >
          <Stack gap="md">
            {!current && (
              <Alert color="blue" variant="light" title="Start from the built-in AI-specific method">
                Your organization has no risk method yet. Below is our default: five points of likelihood and impact written for
                AI systems, impact on individuals, groups and society as well as on the organization, and the AI risk sources to
                identify risks from. Adapt it to your systems, then save it as your draft and approve it.
              </Alert>
            )}
            <LikelihoodSection {...sectionProps} />
            <ImpactSection {...sectionProps} />
            <MatrixSection {...sectionProps} />
            <AcceptanceSection {...sectionProps} />
            <SourcesSection {...sectionProps} />
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Stack gap="md" className="sticky-aside" tabIndex={0} role="region" aria-label="Risk method status and checks">
          <MethodStatusCard
            overview={overview}
            dirty={dirty}
            canWrite={canWrite}
            canApprove={can('approve')}
            saving={save.isPending}
            justSaved={save.isSuccess}
            onSave={trySave}
            onApprove={() => {
              approve.reset();
              setApprovingVersion(overview.draft?.version ?? (overview.approved ? overview.approved.version + 1 : 1));
              approveModal.open();
            }}
            onDiscard={discardModal.open}
          />
          {save.error != null && !approveOpen && !save.conflict && (
            <FormError error={save.error} placed={PLACED} title="Draft not saved" />
          )}
          <MethodChecks checks={checks} checked={current !== null} stale={dirty} />
        </Stack>
      </Grid.Col>
      <ApproveVersionModal
        opened={approveOpen}
        onClose={approveModal.close}
        onApprove={approveDraft}
        busy={save.isPending || approve.isPending}
        error={approve.error ?? save.error}
        title={`Approve risk method version ${approvingVersion}`}
        intro="The approved version is the method of record: risks are scored with it and auditors sample it. The previous approved version, if any, is kept as superseded."
        unsaved={dirty || !overview.draft}
        warnings={checks.filter((c) => c.severity === 'warning')}
      />
      <ConfirmModal
        opened={discardOpen}
        title="Discard draft?"
        confirmLabel="Discard draft"
        busy={discard.isPending}
        error={discard.error}
        onConfirm={discardDraft}
        onClose={discardModal.close}
      >
        {overview.approved
          ? `The draft and its unsaved changes are thrown away; version ${overview.approved.version} stays the method in force.`
          : 'The draft and its unsaved changes are thrown away; risks are scored with the built-in default again.'}
      </ConfirmModal>
      <LeaveGuardModal guard={leaveGuard} what="The risk method" />
      <ConflictDialog
        what="The risk method draft"
        {...save.conflictDialog}
        onOverwrite={() => {
          const c = save.conflict;
          if (!c) return;
          versionRef.current = c.etag;
          trySave();
        }}
      />
    </Grid>
  );
}
