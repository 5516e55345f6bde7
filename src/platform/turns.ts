/**
 * Resolves after one turn of the event loop, so other requests run between
 * stretches of synchronous work: better-sqlite3 answers synchronously, so a
 * long gathering or export would otherwise hold every other request until it
 * ends (issue 17).
 */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
