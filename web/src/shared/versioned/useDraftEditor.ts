import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type RefObject, useCallback, useRef, useState } from 'react';
import { useOrg } from '../../app/orgs/OrgContext';
import { type FieldErrorLookup, fieldErrorLookup, fieldErrorsOf } from '../problem';
import { type OrgMutation, useOrgMutation, versionTag } from '../register';
import { useFocusFirstError } from '../ui/useFocusFirstError';
import { type LeaveGuard, useLeaveGuard } from '../ui/useLeaveGuard';
import type { OverviewSummary, VersionSummary } from './types';
import type { ApprovalException, VersionedRecord } from './useVersionedRecord';

interface Version extends VersionSummary {
  content: unknown;
}
interface Overview<V> {
  approved: V | null;
  draft: V | null;
}

export interface DraftEditorOptions<O, V, C, F> {
  /** useVersionedRecord(...) */
  record: Pick<
    VersionedRecord<O, V, C, unknown>,
    'orgId' | 'overviewKey' | 'invalidates' | 'approvedMessage' | 'saveDraft' | 'approve' | 'discard'
  >;
  /** as loaded; the editor keeps its own copy from then on (key the editor by org or record) */
  overview: O;
  /** the content while no version is saved: an empty template, or a default to start from */
  initial(overview: O): C;
  /** contents that are the same are no change (nothing to save, nothing to lose) */
  same(a: C, b: C): boolean;
  /** the form's state of a content (previous: the form it replaces); default: the content itself */
  toForm?(content: C, previous?: F): F;
  /** the content of the form's state; default: the state itself */
  toContent?(form: F): C;
}

/** What the kit's components need of an editor, whatever the record. */
export interface DraftEditorView {
  overview: OverviewSummary;
  dirty: boolean;
  canWrite: boolean;
  canApprove: boolean;
  save: { isPending: boolean; isSuccess: boolean; error: Error | null; conflict: unknown } & Pick<
    OrgMutation<unknown, unknown>,
    'conflictDialog'
  >;
  approve: { isPending: boolean; error: Error | null };
  discard: { isPending: boolean; error: Error | null };
  trySave(): void;
  approveDraft(note: string, exceptions: ApprovalException[]): Promise<void>;
  discardDraft(): void;
  /** "Overwrite with mine" in the conflict: the form as it is now, against their version */
  overwrite(): void;
  approveOpen: boolean;
  /** the number being approved, fixed while the dialog is open (and fading out) */
  approvingVersion: number;
  openApprove(): void;
  closeApprove(): void;
  discardOpen: boolean;
  openDiscard(): void;
  closeDiscard(): void;
  leaveGuard: LeaveGuard;
}

export interface DraftEditor<F, C, V> extends DraftEditorView {
  form: F;
  setForm: React.Dispatch<React.SetStateAction<F>>;
  /** the draft, else the approved version, else null */
  current: V | null;
  /** the content the form is compared with */
  saved: C;
  /** the save's field errors under content., by content path */
  errorFor: FieldErrorLookup;
  /** spread on the <form>: Enter or Save submits, the first rejected input gets focus */
  formProps: { ref: RefObject<HTMLFormElement | null>; noValidate: true; onSubmit(e: FormEvent): void };
}

/**
 * The editing of a versioned record's draft: the form's copy, save (Ctrl/Cmd+S
 * too), approve, discard, each with If-Match of the copy's version so someone
 * else's save in between opens the conflict instead of being lost, and the
 * leave guard while the form has unsaved changes.
 */
export function useDraftEditor<O extends Overview<V>, V extends Version, C, F = C>(
  options: DraftEditorOptions<O, V, C, F>,
): DraftEditor<F, C, V> {
  const { record, overview, initial, same } = options;
  const toForm = options.toForm ?? ((c: C) => c as unknown as F);
  const toContent = options.toContent ?? ((f: F) => f as unknown as C);
  const { can } = useOrg();
  const client = useQueryClient();
  const current = overview.draft ?? overview.approved;
  const saved = (current?.content as C | undefined) ?? initial(overview);
  const [form, setForm] = useState<F>(() => toForm(saved));
  const latest = useRef(form);
  latest.current = form;
  // the version of the draft this copy was loaded from or last saved as: every
  // write sends it (If-Match); it moves only with this editor's own saves and choices
  const versionRef = useRef(versionTag(overview.draft?.updatedAt));
  // what the form goes back to without a draft: the approved version (the
  // overview is refreshed by now: the mutations await it), else the start
  const withoutDraft = () => {
    const fresh = client.getQueryData<O>(record.overviewKey) ?? overview;
    return (fresh.approved?.content as C | undefined) ?? initial(fresh);
  };

  const save = useOrgMutation(
    record.orgId,
    ({ content, ifMatch }: { content: C; ifMatch: string }) => record.saveDraft(content, ifMatch),
    {
      invalidates: record.invalidates,
      onSuccess: (draft) =>
        client.setQueryData<O>(record.overviewKey, (o) => (o ? { ...o, draft } : ({ approved: null, draft } as O))),
      concurrency: {
        mine: (vars) => vars.content as Record<string, unknown>,
        theirs: (theirs) => (theirs as V | null)?.content ?? null,
        onReload: (theirs, etag) => {
          versionRef.current = etag;
          setForm(toForm(((theirs as V | null)?.content as C | undefined) ?? withoutDraft()));
        },
      },
    },
  );
  const approve = useOrgMutation(
    record.orgId,
    ({ note, exceptions, ifMatch }: { note: string; exceptions: ApprovalException[]; ifMatch: string }) =>
      record.approve(note, exceptions, ifMatch),
    { invalidates: record.invalidates, notify: record.approvedMessage },
  );
  const discard = useOrgMutation(record.orgId, ({ ifMatch }: { ifMatch: string }) => record.discard(ifMatch), {
    invalidates: record.invalidates,
  });
  const [approveOpen, approveModal] = useDisclosure(false);
  const [approvingVersion, setApprovingVersion] = useState(1);
  const [discardOpen, discardModal] = useDisclosure(false);
  const canWrite = can('write');
  const dirty = !same(toContent(form), saved);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(approveOpen ? null : save.error, formRef);

  // biome-ignore lint/correctness/useExhaustiveDependencies: toForm and toContent are the module's functions
  const saveDraft = useCallback(async () => {
    const submitted = toContent(latest.current);
    const result = await save.mutateAsync({ content: submitted, ifMatch: versionRef.current });
    versionRef.current = versionTag(result.updatedAt);
    // take the server's normalized content unless the user kept typing meanwhile
    if (same(toContent(latest.current), submitted)) setForm(toForm(result.content as C, latest.current));
    return result;
  }, [save]);

  const trySave = () => {
    approve.reset();
    saveDraft().catch(() => undefined);
  };

  const approveDraft = async (note: string, exceptions: ApprovalException[]) => {
    try {
      // what is approved is the saved draft: the form's changes, or the unsaved start, are saved first
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
          setForm(toForm(withoutDraft()));
          discardModal.close();
        },
      },
    );

  // Ctrl/Cmd+S saves, also while typing in a field (no tag is ignored)
  useHotkeys([['mod+S', () => canWrite && !save.isPending && trySave()]], []);
  // in-app navigation, reload and tab close all ask while the form has unsaved changes
  const leaveGuard = useLeaveGuard(dirty);

  return {
    overview,
    form,
    setForm,
    current,
    saved,
    dirty,
    canWrite,
    canApprove: can('approve'),
    errorFor: fieldErrorLookup(fieldErrorsOf(save.error), 'content.'),
    formProps: {
      ref: formRef,
      noValidate: true,
      onSubmit: (e) => {
        e.preventDefault();
        trySave();
      },
    },
    save,
    approve,
    discard,
    trySave,
    approveDraft,
    discardDraft,
    overwrite: () => {
      const c = save.conflict;
      if (!c) return;
      versionRef.current = c.etag;
      trySave();
    },
    approveOpen,
    approvingVersion,
    openApprove: () => {
      approve.reset();
      setApprovingVersion(overview.draft?.version ?? (overview.approved ? overview.approved.version + 1 : 1));
      approveModal.open();
    },
    closeApprove: approveModal.close,
    discardOpen,
    openDiscard: discardModal.open,
    closeDiscard: discardModal.close,
    leaveGuard,
  };
}
