import { Stack } from '@mantine/core';
import { useNavigate, useSearchParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { NonconformityForm, type Prefill } from '../components/NonconformityForm';
import { SOURCE_LABELS, type SourceKind } from '../labels';

/** Raise a nonconformity; ?sourceKind=&sourceId=&sourceLabel=&requirementId= prefill where it came from. */
export function NewNonconformityPage() {
  const { org } = useOrg();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const kind = params.get('sourceKind');
  const text = (k: string) => params.get(k)?.trim().slice(0, 200) || undefined;
  const prefill: Prefill = {
    sourceKind: kind && kind in SOURCE_LABELS ? (kind as SourceKind) : undefined,
    sourceId: text('sourceId'),
    sourceLabel: text('sourceLabel'),
    requirementId: text('requirementId'),
  };
  return (
    <Stack gap="lg">
      <BackLink to={`/orgs/${org.id}/nonconformities`}>Nonconformities</BackLink>
      <PageHeader eyebrow="Nonconformities" title="Raise a nonconformity" />
      <NonconformityForm
        nonconformity={null}
        prefill={prefill}
        onSaved={(n) => navigate(`/orgs/${org.id}/nonconformities/${n.id}`)}
      />
    </Stack>
  );
}
