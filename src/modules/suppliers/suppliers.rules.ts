// Pure rules of the supplier register: what an auditor would flag.
export interface SupplierFlag {
  code: string;
  field: string;
  message: string;
}

export function supplierFlags(
  s: { lastReviewDate: string | null; nextReviewDate: string | null; riskRating: string | null },
  today: string,
): SupplierFlag[] {
  const flags: SupplierFlag[] = [];
  if (!s.lastReviewDate)
    flags.push({ code: 'never-reviewed', field: 'lastReviewDate', message: 'No AI-specific review of this supplier yet.' });
  if (s.nextReviewDate && s.nextReviewDate < today) {
    flags.push({ code: 'review-overdue', field: 'nextReviewDate', message: `The review due on ${s.nextReviewDate} is overdue.` });
  }
  if (!s.riskRating) flags.push({ code: 'not-risk-rated', field: 'riskRating', message: 'The supplier has no risk rating.' });
  return flags;
}
