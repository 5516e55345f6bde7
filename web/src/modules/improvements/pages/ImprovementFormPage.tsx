import { Alert, Stack } from '@mantine/core';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { useOrg } from '../../../app/orgs/OrgContext';
import { ApiError } from '../../../shared/api';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { ImprovementForm } from '../components/ImprovementForm';
import type { ImprovementDraft } from '../components/improvementDraft';
import { type ImprovementSource, SOURCE_LABELS } from '../labels';
import { useImprovement } from '../hooks/useImprovements';

/** What a page linking here gives a new improvement: ?sourceKind=&sourceId=&sourceLabel=&title=&description= */
function prefillOf(params: URLSearchParams): Partial<ImprovementDraft> {
  const kind = params.get('sourceKind');
  const prefill: Partial<ImprovementDraft> = {};
  if (kind && kind in SOURCE_LABELS) {
    prefill.sourceKind = kind as ImprovementSource;
    prefill.sourceId = params.get('sourceId');
    prefill.sourceLabel = params.get('sourceLabel') ?? '';
  }
  for (const key of ['title', 'description'] as const) {
    const value = params.get(key);
    if (value) prefill[key] = value;
  }
  return prefill;
}

export function NewImprovementPage() {
  const { org, can } = useOrg();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const base = `/orgs/${org.id}/improvements`;
  return (
    <Stack gap="lg" maw={960}>
      <BackLink to={base}>Continual improvement</BackLink>
      <PageHeader eyebrow="Improvement · Clause 10.1" title="Log an improvement" />
      {can('write') ? (
        <ImprovementForm
          improvement={null}
          prefill={prefillOf(params)}
          onSaved={(i) => navigate(`${base}/${i.id}`)}
          onCancel={() => navigate(base)}
        />
      ) : (
        <Alert color="gray" variant="light">
          Your role can read the improvement log but not add to it.
        </Alert>
      )}
    </Stack>
  );
}

export function EditImprovementPage() {
  const { org } = useOrg();
  const { improvementId = '' } = useParams();
  const navigate = useNavigate();
  const improvement = useImprovement(org.id, improvementId);
  const page = `/orgs/${org.id}/improvements/${improvementId}`;
  if (improvement.error instanceof ApiError && (improvement.error.status === 404 || improvement.error.status === 400))
    return <NotFoundPage what="improvement" />;
  const d = improvement.data;
  return (
    <Stack gap="lg" maw={960}>
      <BackLink to={page}>{d ? `${d.number} ${d.title}` : 'Improvement'}</BackLink>
      <PageHeader eyebrow="Continual improvement" title={d ? `Edit ${d.number}` : 'Edit improvement'} />
      <QueryState query={improvement}>
        {(data) => (
          <ImprovementForm key={data.id} improvement={data} onSaved={() => navigate(page)} onCancel={() => navigate(page)} />
        )}
      </QueryState>
    </Stack>
  );
}
