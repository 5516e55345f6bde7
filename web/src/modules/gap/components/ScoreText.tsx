import { Progress, Text } from '@mantine/core';
import { formatScore, scoreColor } from '../labels';

/** A score as a coloured percentage. */
export function ScoreText({ score, size = 'sm' }: { score: number | null; size?: string }) {
  return (
    <Text size={size} fw={700} c={score === null ? 'dimmed' : `${scoreColor(score)}.9`}>
      {formatScore(score)}
    </Text>
  );
}

/** Answered of total, as a thin bar and its numbers. */
export function AnsweredProgress({ answered, total, label }: { answered: number; total: number; label: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" mb={2}>
        {answered} of {total} answered
      </Text>
      <Progress value={total ? (answered / total) * 100 : 0} size="sm" aria-label={label} />
    </div>
  );
}
