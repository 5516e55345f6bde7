import { Stack } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { EvidenceForm } from '../components/EvidenceForm';

/** Add evidence: upload a file, give a link or name a record, and link it to what it shows. */
export function NewEvidencePage() {
  const { org } = useOrg();
  const navigate = useNavigate();
  return (
    <Stack gap="lg">
      <PageHeader eyebrow="Evidence" title="Add evidence" />
      <EvidenceForm evidence={null} onSaved={(e) => navigate(`/orgs/${org.id}/evidence/${e.id}`)} />
    </Stack>
  );
}
