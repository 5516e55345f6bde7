import { Grid, Stack } from '@mantine/core';
import { useCallback } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { DraftDialogs, DraftStatusCard, type RecordOf, useDraftEditor } from '../../../shared/versioned';
import type { Site } from '../../organizations';
import type { ScopeContent, ScopeOverview } from '../hooks/useScope';
import { ChecksPanel } from './ChecksPanel';
import { ScopeForm } from './ScopeForm';
import { type ScopeDraft, sameContent, toContent, toDraft } from './scopeForm';
import { SCOPE_SECTIONS } from './sections';
import { StatementPreview } from './StatementPreview';

const PLACED = SCOPE_SECTIONS.flatMap((s) => s.fields).map((f) => `content.${f}`);

interface Props {
  record: RecordOf<'/api/v1/orgs/{orgId}/scope'>;
  overview: ScopeOverview;
  sites: Site[];
  /** the content of an empty scope, what a first draft starts from */
  empty: ScopeContent;
}

/** The scope form beside its checks and statement; save, approve, discard. */
export function ScopeEditor({ record, overview, sites, empty }: Props) {
  const { org } = useOrg();
  const editor = useDraftEditor({
    record,
    overview,
    initial: () => empty,
    same: sameContent,
    toForm: toDraft,
    toContent,
  });
  const { form, setForm, current, dirty, canWrite } = editor;
  const onChange = useCallback((patch: Partial<ScopeDraft>) => setForm((d) => ({ ...d, ...patch })), [setForm]);
  const checks = current?.checks ?? [];

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <form {...editor.formProps} aria-label="Scope">
          <Stack gap="md">
            <ScopeForm
              draft={form}
              onChange={onChange}
              errorFor={editor.errorFor}
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
          <DraftStatusCard
            editor={editor}
            what="scope"
            emptyText="Not started. Answer the questions and save a draft."
            hint={
              canWrite &&
              !overview.draft &&
              overview.approved &&
              !dirty &&
              `Change any answer below to start a draft of version ${overview.approved.version + 1}.`
            }
            placed={PLACED}
          />
          <ChecksPanel checks={checks} checked={current !== null} stale={dirty} />
          <StatementPreview
            statement={current?.statement ?? null}
            stale={dirty}
            orgId={org.id}
            aiSystems={current?.content.aiSystems ?? []}
          />
        </Stack>
      </Grid.Col>
      <DraftDialogs
        editor={editor}
        what="scope"
        approveTitle={(n) => `Approve version ${n}`}
        approveIntro="The approved version becomes the scope of record: the one auditors see and later versions are compared with. The previous approved version, if any, is kept as superseded."
        reasonsShown=" and shown in its statement"
        checks={checks}
        discardText={
          overview.approved
            ? 'The draft and its unsaved changes are thrown away; the scope goes back to the approved version.'
            : 'The draft and its unsaved changes are thrown away; the scope starts empty again.'
        }
      />
    </Grid>
  );
}
