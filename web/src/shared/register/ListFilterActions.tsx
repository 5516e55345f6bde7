import { Button, Checkbox } from '@mantine/core';

/** The end of a register's toolbar: show archived records, clear every filter. */
export function ListFilterActions({
  includeArchived,
  setIncludeArchived,
  clearFilters,
  active,
}: {
  includeArchived: boolean;
  setIncludeArchived: (on: boolean) => void;
  clearFilters: () => void;
  /** how many filters are set; Clear is disabled at 0 */
  active: number;
}) {
  return (
    <>
      <Checkbox label="Show archived" checked={includeArchived} onChange={(e) => setIncludeArchived(e.currentTarget.checked)} />
      <Button variant="subtle" size="sm" onClick={clearFilters} disabled={active === 0}>
        Clear filters
      </Button>
    </>
  );
}
