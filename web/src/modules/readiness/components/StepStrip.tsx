import { Badge, Group, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import type { ReadinessStep } from '../hooks/useReadiness';
import { STEP_COLORS, STEP_LABELS } from '../labels';

/** The journey's 14 steps as a compact strip: each a numbered badge that opens the step, its state in words on hover and for screen readers. */
export function StepStrip({ orgId, steps }: { orgId: string; steps: ReadinessStep[] }) {
  return (
    <Group
      gap={6}
      wrap="wrap"
      component="ol"
      aria-label="Certification journey"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {steps.map((s) => (
        <li key={s.id}>
          <Tooltip label={`${s.title}: ${s.reason}`} multiline w={260} withArrow>
            <Badge
              component={Link}
              to={`/orgs/${orgId}/journey/${s.id}`}
              size="lg"
              radius="sm"
              color={STEP_COLORS[s.status]}
              variant={s.status === 'done' ? 'filled' : 'light'}
              style={{ cursor: 'pointer', textTransform: 'none' }}
              aria-label={`Step ${s.step} ${s.title}: ${STEP_LABELS[s.status]}`}
            >
              {s.step}
            </Badge>
          </Tooltip>
        </li>
      ))}
    </Group>
  );
}
