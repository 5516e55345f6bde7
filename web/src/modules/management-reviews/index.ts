// What app/ may use of the management-reviews module.
// Placeholder until its pages land: the sidebar link must not 404.
export function ManagementReviewsPage() {
  return null;
}
