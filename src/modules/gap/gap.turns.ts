/**
 * Lets other requests run between groups of statements. better-sqlite3
 * answers synchronously, so the hundred statements of a gathering would
 * otherwise hold the event loop from the first to the last (issue 17); on
 * PostgreSQL each group's statements still run side by side.
 */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
