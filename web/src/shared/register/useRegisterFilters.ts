import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

// A register's filters live in the address, so a filtered view can be
// bookmarked, shared and left with the back button. `read` turns the address
// into the API's query, dropping what the API would reject.

export function useRegisterFilters<F extends object>(read: (params: URLSearchParams) => F) {
  const [params, setParams] = useSearchParams();
  // biome-ignore lint/correctness/useExhaustiveDependencies: read is a module-level function
  const filters = useMemo(() => read(params), [params]);

  /** Sets or clears (undefined) some filters; `replace` for typing, so each key is not a history entry. */
  const setFilters = useCallback(
    (patch: Partial<F>, replace = false) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          return next;
        },
        { replace },
      ),
    [setParams],
  );

  /** Replaces every filter with `only` (none when empty), keeping the sort. */
  const showOnly = useCallback(
    (only: Partial<F> = {}) =>
      setParams((prev) => {
        const next = new URLSearchParams();
        const sort = prev.get('sort');
        if (sort) next.set('sort', sort);
        for (const [k, v] of Object.entries(only)) if (v) next.set(k, String(v));
        return next;
      }),
    [setParams],
  );
  const clearFilters = useCallback(() => showOnly(), [showOnly]);

  const active = Object.keys(filters).filter((k) => k !== 'sort').length;
  return { filters, setFilters, clearFilters, showOnly, active };
}

/** A trimmed, length-capped text parameter, or undefined when empty. */
export function textParam(params: URLSearchParams, key: string, max = 200): string | undefined {
  return params.get(key)?.trim().slice(0, max) || undefined;
}

/** 'true' when the parameter says so (the API's boolean filters are strings). */
export function flagParam(params: URLSearchParams, key: string): 'true' | undefined {
  return params.get(key) === 'true' ? 'true' : undefined;
}
