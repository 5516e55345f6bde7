import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { NotFoundPage } from '../../app/NotFoundPage';
import { ApiError } from '../api';
import { QueryState } from '../ui/QueryState';

/**
 * One record of a register: a loader while it comes, "not found" for an id
 * that is not this organization's (or not an id at all), else the page.
 */
export function RecordLoader<T>({
  query,
  what,
  children,
}: {
  query: UseQueryResult<T>;
  /** how "not found" names it: "supplier", "AI system" */
  what: string;
  children: (record: T) => ReactNode;
}) {
  if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400))
    return <NotFoundPage what={what} />;
  return <QueryState query={query}>{children}</QueryState>;
}
