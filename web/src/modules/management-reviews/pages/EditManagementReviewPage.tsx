import { Alert, Stack } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { RecordLoader } from '../../../shared/register';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ReviewForm } from '../components/ReviewForm';
import { useReview } from '../hooks/useManagementReviews';

/** Edit the meeting of a review not yet approved; an approved or archived one is read-only. */
export function EditManagementReviewPage() {
  const { org, can } = useOrg();
  const { reviewId = '' } = useParams();
  const navigate = useNavigate();
  const back = `/orgs/${org.id}/management-reviews/${reviewId}`;
  return (
    <RecordLoader query={useReview(org.id, reviewId)} what="management review">
      {(r) => {
        const readOnly = r.status === 'approved' || !!r.archivedAt || !can('write');
        return (
          <Stack gap="lg">
            <BackLink to={back}>{r.number}</BackLink>
            <PageHeader eyebrow={`Management review ${r.number}`} title={`Edit ${r.title}`} />
            {readOnly ? (
              <Alert color="gray" title="Read-only">
                {r.status === 'approved'
                  ? 'This review is approved: it can no longer be changed.'
                  : r.archivedAt
                    ? 'This review is archived: restore it to change it.'
                    : 'You may view this review but not change it.'}
              </Alert>
            ) : (
              <ReviewForm key={r.id} review={r} onSaved={() => navigate(back)} />
            )}
          </Stack>
        );
      }}
    </RecordLoader>
  );
}
