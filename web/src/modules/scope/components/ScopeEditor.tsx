import { Grid, Stack } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { useCallback, useRef, useState } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { fieldErrorLookup, fieldErrorsOf } from '../../../shared/problem';
import { versionTag } from '../../../shared/register';
import { ConflictDialog } from '../../../shared/ui/ConflictDialog';
import { FormError } from '../../../shared/ui/FormError';
import { useFocusFirstError } from '../../../shared/ui/useFocusFirstError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import type { Site } from '../../organizations';
import {
  type ApprovalException,
  type ScopeContent,
  draftVersion,
  type ScopeOverview,
  useApproveScope,
  useDiscardScopeDraft,
  useSaveScopeDraft,
} from '../hooks/useScope';
import { ApproveVersionModal } from '../../../shared/ui/ApproveVersionModal';
import { ChecksPanel } from './ChecksPanel';
import { DiscardModal } from './DiscardModal';
import { ScopeForm } from './ScopeForm';
import { ScopeStatusCard } from './ScopeStatusCard';
import { type ScopeDraft, sameContent, toContent, toDraft } from './scopeForm';
import { SCOPE_SECTIONS } from './sections';
import { StatementPreview } from './StatementPreview';

const PLACED = SCOPE_SECTIONS.flatMap((s) => s.fields).map((f) => `content.${f}`);

/** The scope form beside its checks and statement; save, approve, discard. */
export function ScopeEditor({ overview, sites, empty }: { overview: ScopeOverview; sites: Site[]; empty: ScopeContent }) {
  const { org, can } = useOrg();
  const current = overview.draft ?? overview.approved;
  const saved: ScopeContent = current?.content ?? empty;
  const [draft, setDraft] = useState<ScopeDraft>(() => toDraft(saved));
  const draftRef = useRef(draft);
  draftRef.current = draft;
  // the version of the draft this copy was loaded from or last saved as: every
  // write sends it (If-Match), so someone else's save in between is never lost
  // without a word; it moves only with this editor's own saves and choices
  const versionRef = useRef(draftVersion(overview));
  const save = useSaveScopeDraft(org.id, (theirs, etag) => {
    versionRef.current = etag;
    setDraft(toDraft(theirs?.content ?? empty));
  });
  const approve = useApproveScope(org.id);
  const discard = useDiscardScopeDraft(org.id);
  const [approveOpen, approveModal] = useDisclosure(false);
  // the number being approved, fixed while the dialog is open (and fading out)
  const [approvingVersion, setApprovingVersion] = useState(1);
  const [discardOpen, discardModal] = useDisclosure(false);
  const canWrite = can('write');
  const dirty = !sameContent(toContent(draft), saved);
  const errorFor = fieldErrorLookup(fieldErrorsOf(save.error), 'content.');
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(approveOpen ? null : save.error, formRef);

  const onChange = useCallback((patch: Partial<ScopeDraft>) => setDraft((d) => ({ ...d, ...patch })), []);

  const saveDraft = useCallback(async () => {
    const submitted = toContent(draftRef.current);
    const result = await save.mutateAsync({ content: submitted, ifMatch: versionRef.current });
    versionRef.current = versionTag(result.updatedAt);
    // take the server's normalized content unless the user kept typing meanwhile
    if (sameContent(toContent(draftRef.current), submitted)) setDraft(toDraft(result.content, draftRef.current));
    return result;
  }, [save]);

  const trySave = () => {
    approve.reset();
    saveDraft().catch(() => undefined);
  };

  const approveDraft = async (note: string, exceptions: ApprovalException[]) => {
    try {
      if (dirty) await saveDraft();
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
          setDraft(toDraft(overview.approved?.content ?? empty));
          discardModal.close();
        },
      },
    );

  // Ctrl/Cmd+S saves, also while typing in a field
  useHotkeys([['mod+S', () => canWrite && !save.isPending && trySave()]], []);

  // in-app navigation, reload and tab close all ask while the draft has unsaved changes
  const leaveGuard = useLeaveGuard(dirty);

  const checks = current?.checks ?? [];
  const warnings = checks.filter((c) => c.severity === 'warning');

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <form
          ref={formRef}
          aria-label="Scope"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            trySave();
          }}
        >
          <Stack gap="md">
            <ScopeForm
              draft={draft}
              onChange={onChange}
              errorFor={errorFor}
              checks={checks}
              disabled={!canWrite}
              sites={sites}
              orgId={org.id}
            />
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Stack gap="md" className="sticky-aside" tabIndex={0} role="region" aria-label="Scope status, checks and statement">
          <ScopeStatusCard
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
          <ChecksPanel checks={checks} checked={current !== null} stale={dirty} />
          <StatementPreview
            statement={current?.statement ?? null}
            stale={dirty}
            orgId={org.id}
            aiSystems={current?.content.aiSystems ?? []}
          />
        </Stack>
      </Grid.Col>
      <ApproveVersionModal
        opened={approveOpen}
        onClose={approveModal.close}
        onApprove={approveDraft}
        busy={save.isPending || approve.isPending}
        error={approve.error ?? save.error}
        title={approvingVersion ? `Approve version ${approvingVersion}` : 'Approve scope'}
        intro="The approved version becomes the scope of record: the one auditors see and later versions are compared with. The previous approved version, if any, is kept as superseded."
        reasonsShown=" and shown in its statement"
        unsaved={dirty}
        warnings={warnings}
      />
      <DiscardModal
        opened={discardOpen}
        onClose={discardModal.close}
        onDiscard={discardDraft}
        busy={discard.isPending}
        error={discard.error}
        hasApproved={overview.approved !== null}
      />
      <LeaveGuardModal guard={leaveGuard} what="The scope" />
      <ConflictDialog
        what="The scope draft"
        {...save.conflictDialog}
        onOverwrite={() => {
          // mine is what the form holds now, sent against their version
          const c = save.conflict;
          if (!c) return;
          versionRef.current = c.etag;
          trySave();
        }}
      />
    </Grid>
  );
}
