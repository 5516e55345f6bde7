import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../../../shared/ui/format';
import { FormError } from '../../../shared/ui/FormError';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { type ManagementReview, useApproveReview, useTopManagement } from '../hooks/useManagementReviews';
import { STATUS_LABELS } from '../labels';

/** What still stands in the way of approval, in words (the server checks the same). */
export function approvalBlockers(r: ManagementReview): string[] {
  const out: string[] = [];
  if (r.status !== 'held') out.push(`The review must be marked Held (it is ${STATUS_LABELS[r.status]}).`);
  if (!r.minutes.trim()) out.push('The minutes are empty.');
  if (!r.inputs) out.push('The inputs are not prepared.');
  return out;
}

/** Approval by top management: the button shows to them, disabled with the reasons while something is missing. */
export function ApprovalCard({ orgId, review, canApprove }: { orgId: string; review: ManagementReview; canApprove: boolean }) {
  const top = useTopManagement(orgId);
  const approve = useApproveReview(orgId, review.id);
  const [confirming, setConfirming] = useState(false);
  if (review.approval)
    return (
      <SectionCard title="Approval">
        <Text size="sm">
          Approved by <strong>{review.approval.by.name}</strong> on {formatDateTime(review.approval.at)}. The review is now
          read-only; its actions can still be marked done.
        </Text>
      </SectionCard>
    );
  const members = top.data?.members ?? [];
  const mine = !!top.data?.youAreTopManagement && canApprove;
  const blockers = approvalBlockers(review);
  return (
    <SectionCard title="Approval">
      <Stack gap="sm">
        {members.length === 0 ? (
          <Alert color="orange" variant="light">
            No one is set as top management, so no one can approve this review. An administrator sets them under Top management.
          </Alert>
        ) : !mine ? (
          <Text size="sm">Only top management can approve this review: {members.map((m) => m.name).join(', ')}.</Text>
        ) : null}
        {mine && (
          <>
            {blockers.length > 0 && (
              <List size="sm" aria-label="Before approval">
                {blockers.map((b) => (
                  <List.Item key={b}>{b}</List.Item>
                ))}
              </List>
            )}
            {confirming && blockers.length === 0 ? (
              <Stack gap="xs">
                <Text size="sm">Approving makes the review read-only and logs its improvement decisions. Approve it?</Text>
                <Button.Group>
                  <Button
                    loading={approve.isPending}
                    onClick={async () => {
                      if (approve.isPending) return;
                      try {
                        await approve.mutateAsync({});
                        setConfirming(false);
                      } catch {
                        // shown in FormError
                      }
                    }}
                  >
                    Yes, approve
                  </Button>
                  <Button variant="default" onClick={() => setConfirming(false)} disabled={approve.isPending}>
                    Cancel
                  </Button>
                </Button.Group>
              </Stack>
            ) : (
              <Button w="fit-content" disabled={blockers.length > 0} onClick={() => setConfirming(true)}>
                Approve review
              </Button>
            )}
            <FormError error={approve.error} />
          </>
        )}
      </Stack>
    </SectionCard>
  );
}
