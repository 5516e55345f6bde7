// What app/ may use of the training module.
// Placeholder until its pages land: the sidebar link must not 404.
export function TrainingMatrixPage() {
  return null;
}
