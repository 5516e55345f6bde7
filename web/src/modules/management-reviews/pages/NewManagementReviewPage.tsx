import { Stack } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ReviewForm } from '../components/ReviewForm';

/** Plan a management review: the date and who attends. */
export function NewManagementReviewPage() {
  const { org } = useOrg();
  const navigate = useNavigate();
  return (
    <Stack gap="lg">
      <BackLink to={`/orgs/${org.id}/management-reviews`}>Management reviews</BackLink>
      <PageHeader eyebrow="Management reviews" title="Plan a review" />
      <ReviewForm review={null} onSaved={(r) => navigate(`/orgs/${org.id}/management-reviews/${r.id}`)} />
    </Stack>
  );
}
