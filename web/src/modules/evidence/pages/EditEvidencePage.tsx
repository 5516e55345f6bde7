import { Alert, Stack } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { EvidenceForm } from '../components/EvidenceForm';
import { useEvidenceItem } from '../hooks/useEvidence';

/** Edit an evidence item; an archived one is shown read-only, as the API refuses to change it. */
export function EditEvidencePage() {
  const { org, can } = useOrg();
  const { evidenceId = '' } = useParams();
  const navigate = useNavigate();
  const item = useEvidenceItem(org.id, evidenceId);
  const back = `/orgs/${org.id}/evidence/${evidenceId}`;
  return (
    <QueryState query={item}>
      {(e) => {
        const readOnly = !!e.archivedAt || !can('write');
        return (
          <Stack gap="lg">
            <BackLink to={back}>{e.number}</BackLink>
            <PageHeader eyebrow={`Evidence · ${e.number}`} title={`Edit ${e.title}`} />
            {readOnly && (
              <Alert color="gray" title="Read-only">
                {e.archivedAt
                  ? 'This evidence is archived: restore it to change it.'
                  : 'You may view this evidence but not change it.'}
              </Alert>
            )}
            {/* keyed by id: another item's edit page starts from that item */}
            <EvidenceForm key={e.id} evidence={e} readOnly={readOnly} onSaved={() => navigate(back)} />
          </Stack>
        );
      }}
    </QueryState>
  );
}
