import { type FormEvent, useRef, useState } from 'react';
import { fieldErrorLookup } from '../problem';
import { useFocusFirstError } from '../ui/useFocusFirstError';
import { useDirty, useLeaveGuard } from '../ui/useLeaveGuard';
import { versionTag } from './conflict';
import type { Concurrency, OrgMutation } from './useOrgMutation';

/** What a register's edit sends: the body, the version it was made on (If-Match), and the fields as the user saw them. */
export interface RecordEdit<I, V> {
  body: I;
  ifMatch: string;
  /** the conflict dialog's "yours"; the body itself when the form shows what it sends */
  shown?: V;
}

interface DraftOptions<R, D, V> {
  /** the form's copy of a record (a new record's when null) */
  toDraft(record: R | null): D;
  /** a new record's fields given by the page that opened the form */
  initial?: Partial<D>;
  /** the fields a conflict compares, by name */
  conflictView(draft: D): V;
  onSaved(record: R): void;
  /** a form shown to a role that cannot write: never dirty, never sent */
  readOnly?: boolean;
}

/**
 * The first half of a register's form: its draft, the leave guard while it
 * differs from what was loaded, the version an edit is made on (If-Match),
 * and the concurrency the update hook takes ("Reload theirs" puts the current
 * record in the form; "Overwrite with mine" ends like a save).
 */
export function useRecordDraft<R extends { updatedAt?: string | null }, D, V extends Record<string, unknown>>(
  record: R | null,
  options: DraftOptions<R, D, V>,
) {
  const { toDraft, conflictView, onSaved } = options;
  const [draft, setDraft] = useState<D>(() => ({ ...toDraft(record), ...(record ? {} : options.initial) }));
  const { dirty, markClean } = useDirty(draft, !options.readOnly);
  const guard = useLeaveGuard(dirty);
  const versionRef = useRef(versionTag(record?.updatedAt));
  const saved = (result: R) => {
    // a form that stays on the page after saving is clean again
    markClean();
    guard.allowLeave();
    onSaved(result);
  };
  const concurrency: Concurrency<RecordEdit<unknown, V>, R> = {
    mine: (vars) => vars.shown ?? (vars.body as Record<string, unknown>),
    theirs: (current) => conflictView(toDraft(current as R)),
    onReload: (current, etag) => {
      versionRef.current = etag;
      const next = toDraft(current as R);
      setDraft(next);
      markClean(next);
    },
    onOverwritten: saved,
  };
  const set = <K extends keyof D>(key: K, value: D[K]) => setDraft((d) => ({ ...d, [key]: value }));
  return { draft, setDraft, set, guard, versionRef, concurrency, saved, conflictView, readOnly: !!options.readOnly };
}

interface SubmitOptions<R, D, I extends U, U, E extends { body: U; ifMatch: string }> {
  record: R | null;
  create: OrgMutation<I, R>;
  /** an update may send fewer fields than a create (its body is often a Partial); `shown` is sent along when its vars take it */
  update: OrgMutation<E, R>;
  toInput(draft: D): I;
  /** checks the browser makes before sending, by field; nothing is sent while any fails */
  localErrors?(draft: D): Record<string, string>;
}

/** The second half: submit (create or If-Match update, once at a time), the errors by field and the focus on the first. */
export function useRecordSubmit<
  R extends { updatedAt?: string | null },
  D,
  I extends U,
  U,
  E extends { body: U; ifMatch: string },
  V extends Record<string, unknown>,
>(
  form: ReturnType<typeof useRecordDraft<R, D, V>>,
  { record, create, update, toInput, localErrors }: SubmitOptions<R, D, I, U, E>,
) {
  const [checked, setChecked] = useState<Record<string, string>>({});
  const pending = create.isPending || update.isPending;
  const error = record ? update.error : create.error;
  const errorFor = fieldErrorLookup({ ...(record ? update.fieldErrors : create.fieldErrors), ...checked });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(update.conflict ? null : (error ?? (Object.keys(checked).length ? checked : null)), formRef);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (pending || form.readOnly) return;
    const local = localErrors?.(form.draft) ?? {};
    setChecked(local);
    if (Object.keys(local).length) return;
    const body = toInput(form.draft);
    if (record) {
      const edit: RecordEdit<U, V> = { body, ifMatch: form.versionRef.current, shown: form.conflictView(form.draft) };
      update.mutate(edit as E, { onSuccess: form.saved });
    } else create.mutate(body, { onSuccess: form.saved });
  };
  return { submit, pending, error, errorFor, formRef };
}
