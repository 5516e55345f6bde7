let next = 0;

/** A client-side key for a list item being edited (never sent to the API). */
export function newKey(): string {
  next += 1;
  return `k${next}`;
}
