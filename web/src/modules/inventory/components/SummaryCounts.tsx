import { Paper, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import type { InventorySummary } from '../hooks/useAiSystems';
import type { InventoryFilters } from '../hooks/useInventoryFilters';
import type { Missing } from '../labels';

interface Props {
  summary: InventorySummary;
  filters: InventoryFilters;
  activeFilters: number;
  /** shows exactly the systems a count counts: the filter replaces all others; null shows all */
  onApply: (only: Partial<InventoryFilters> | null) => void;
  onDuplicates: () => void;
  /** opens the list of what the approved scope names that the inventory lacks */
  onScopeGaps: () => void;
}

interface Count {
  label: string;
  value: number;
  /** a gap an auditor would find, coloured when not zero */
  problem: boolean;
  pressed: boolean;
  onClick: () => void;
}

function CountButton({ label, value, problem, pressed, onClick }: Count) {
  const alarming = problem && value > 0;
  return (
    <UnstyledButton
      onClick={onClick}
      aria-pressed={pressed}
      className="focus-ring"
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    >
      <Paper
        withBorder
        p="sm"
        h="100%"
        style={{
          borderColor: pressed ? 'var(--mantine-color-brand-6)' : undefined,
          background: pressed ? 'var(--mantine-color-brand-0)' : undefined,
          boxShadow: pressed ? '0 0 0 1px var(--mantine-color-brand-6)' : undefined,
        }}
      >
        <Text fz={26} fw={700} lh={1.1} c={alarming ? 'orange.8' : problem ? 'teal.8' : undefined}>
          {value.toLocaleString()}
        </Text>
        <Text size="xs" fw={500} c={pressed ? 'brand.8' : 'dimmed'} mt={4} lh={1.3}>
          {label}
        </Text>
      </Paper>
    </UnstyledButton>
  );
}

/** The counts an auditor looks at first; each one filters the table to the systems it counts. */
export function SummaryCounts({ summary, filters, activeFilters, onApply, onDuplicates, onScopeGaps }: Props) {
  const only = (patch: Partial<InventoryFilters>, pressed: boolean) => (pressed ? onApply(null) : onApply(patch));
  const missing = (m: Missing, label: string): Count => {
    const pressed = filters.missing === m && activeFilters === 1;
    return { label, value: summary.missing[m], problem: true, pressed, onClick: () => only({ missing: m }, pressed) };
  };
  const inScopePressed = filters.inScope === 'true' && activeFilters === 1;
  const counts: Count[] = [
    { label: 'AI systems', value: summary.total, problem: false, pressed: activeFilters === 0, onClick: () => onApply(null) },
    {
      label: 'In scope',
      value: summary.inScope,
      problem: false,
      pressed: inScopePressed,
      onClick: () => only({ inScope: 'true' }, inScopePressed),
    },
    missing('risk', 'Not risk-rated'),
    missing('owner', 'Missing an owner'),
    missing('monitoring', 'No monitoring method'),
    missing('supplier', 'Third-party without supplier'),
    missing('review', 'Review overdue or never done'),
    { label: 'Likely duplicates', value: summary.duplicateGroups, problem: true, pressed: false, onClick: onDuplicates },
    {
      label: 'Named in scope, not in the inventory',
      value: summary.namedInScopeMissing,
      problem: true,
      pressed: false,
      onClick: onScopeGaps,
    },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 5, xl: 9 }} spacing="sm" component="section" aria-label="Inventory summary">
      {counts.map((c) => (
        <CountButton key={c.label} {...c} />
      ))}
    </SimpleGrid>
  );
}
