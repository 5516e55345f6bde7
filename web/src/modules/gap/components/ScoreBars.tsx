import { Box, Text } from '@mantine/core';
import type { RollUp } from '../hooks/useGap';
import { formatScore, scoreColor } from '../labels';

/**
 * Horizontal bars, one per roll-up (the twelve review areas). Plain divs with
 * the meter role: each bar is read as its title and its percentage.
 */
export function ScoreBars({ items, label }: { items: RollUp[]; label: string }) {
  return (
    <Box component="ul" aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((r) => (
        <Box
          component="li"
          key={r.key}
          py={5}
          style={{ display: 'grid', gridTemplateColumns: 'minmax(140px, 38%) 1fr 52px', alignItems: 'center', columnGap: 12 }}
        >
          <Text size="sm" lh={1.25}>
            {r.title}
          </Text>
          <Box
            role="meter"
            aria-label={r.title}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={r.score ?? 0}
            aria-valuetext={r.score === null ? 'not applicable' : `${r.score}%`}
            h={14}
            bg="gray.1"
            style={{ borderRadius: 7, overflow: 'hidden', position: 'relative' }}
          >
            {/* 50% is "partially implemented" across the board: a tick shows where that is */}
            <Box
              aria-hidden
              style={{
                position: 'absolute',
                left: '50%',
                top: 0,
                bottom: 0,
                borderLeft: '1px dashed var(--mantine-color-gray-4)',
              }}
            />
            <Box
              h="100%"
              w={`${r.score ?? 0}%`}
              bg={`${scoreColor(r.score)}.6`}
              style={{ borderRadius: 7, minWidth: r.score ? 4 : 0 }}
            />
          </Box>
          <Text size="sm" fw={700} ta="right" c={r.score === null ? 'dimmed' : undefined} aria-hidden>
            {formatScore(r.score)}
          </Text>
        </Box>
      ))}
    </Box>
  );
}
