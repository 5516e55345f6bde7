import { Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Assessment } from '../hooks/useGap';

/**
 * Reuse and new work side by side, so a pre-filled assessment never reads as
 * progress that was not made: what the ISO/IEC 27001 pre-fill gave (answers
 * still as pre-filled) apart from AI-specific work a person has put in place.
 */
export function ProgressFigures({ progress: p }: { progress: Assessment['progress'] }) {
  const applicable = p.total - p.notApplicable;
  return (
    <Stack gap="sm">
      {p.carriedOver > 0 && (
        <Text size="sm" role="status">
          <Text span fw={700}>
            {p.carriedOver} answer{p.carriedOver === 1 ? '' : 's'} carried over
          </Text>{' '}
          from the earlier assessment, not yet confirmed: open each in the wizard and save it unchanged to confirm it, or change
          it.
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" aria-label="Progress: reuse and AI-specific work">
        <Figure
          title="Reused from the ISMS"
          value={p.reusedFromIsms}
          of={applicable}
          color="blue"
          note="Answers still exactly as the ISO/IEC 27001 pre-fill wrote them: partially implemented, with the AI-specific part still to do."
        />
        <Figure
          title="AI-specific work in place"
          value={p.aiSpecificInPlace}
          of={applicable}
          color="teal"
          note={`Partially implemented or implemented answers a person gave or changed since the pre-fill; ${p.aiSpecificImplemented} implemented.`}
        />
      </SimpleGrid>
    </Stack>
  );
}

function Figure({ title, value, of, color, note }: { title: string; value: number; of: number; color: string; note: string }) {
  return (
    <Paper withBorder p="lg" role="group" aria-label={`${title}: ${value} of ${of}`}>
      <Text size="sm" fw={600} mb={6}>
        {title}
      </Text>
      <Text fz={28} fw={800} lh={1.1}>
        {value}
        <Text span c="dimmed" fz="md" fw={500}>
          {' '}
          of {of} requirements
        </Text>
      </Text>
      <Progress value={of ? (value / of) * 100 : 0} color={color} size="sm" my="xs" aria-hidden />
      <Text size="xs" c="dimmed">
        {note}
      </Text>
    </Paper>
  );
}
