import { Badge } from '@mantine/core';

export const STATE_LABELS = { valid: 'Valid', expiring: 'Expiring', expired: 'Expired' } as const;
export const STATE_COLORS = { valid: 'green', expiring: 'yellow', expired: 'red' } as const;
export const FLAG_LABELS: Record<string, string> = {
  expired: 'Expired',
  'expiring-soon': 'Expiring soon',
  'no-links': 'Not linked',
  'file-missing': 'File missing',
};
export const KIND_LABELS = { file: 'File', link: 'Link', record: 'Record' } as const;
export const AREA_LABELS = {
  'scope-context': 'Scope and context',
  leadership: 'Leadership',
  planning: 'Planning',
  support: 'Support',
  operation: 'Operation',
  'performance-evaluation': 'Performance evaluation',
  improvement: 'Improvement',
} as const;

export function StateBadge({ state }: { state: keyof typeof STATE_LABELS }) {
  return (
    <Badge color={STATE_COLORS[state]} variant="light">
      {STATE_LABELS[state]}
    </Badge>
  );
}
