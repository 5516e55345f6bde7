import { Anchor, Badge, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { Link } from 'react-router';
import { JOURNEY_STEPS, stepPath } from '../../../app/journey/steps';
import type { Home, StepState } from '../../../app/journey/useHome';

const STATE: Record<StepState, { label: string; color: string }> = {
  done: { label: 'Done', color: 'teal' },
  'in-progress': { label: 'In progress', color: 'yellow' },
  'not-started': { label: 'Not started', color: 'gray' },
};

/** The 14 steps, each with its state and the reason in words. */
export function JourneySteps({ orgId, steps }: { orgId: string; steps: Home['steps'] }) {
  const pathOf = new Map(JOURNEY_STEPS.map((s) => [s.slug, stepPath(orgId, s)]));
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="home-steps">
      <Text id="home-steps" component="h2" fw={700} mb="sm">
        The journey, step by step
      </Text>
      <Stack gap={0} component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {steps.map((step) => {
          const { label, color } = STATE[step.state];
          return (
            <Group
              key={step.id}
              component="li"
              wrap="nowrap"
              align="flex-start"
              gap="sm"
              py={8}
              data-step={step.id}
              data-state={step.state}
              style={{ borderTop: step.number > 1 ? '1px solid var(--mantine-color-gray-2)' : undefined }}
            >
              <ThemeIcon size={24} radius="xl" variant="filled" color={color} fz={11} fw={700} aria-hidden>
                {step.state === 'done' ? '✓' : step.number}
              </ThemeIcon>
              <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                <Group gap="xs" justify="space-between" wrap="nowrap">
                  <Anchor component={Link} to={pathOf.get(step.id) ?? `/orgs/${orgId}`} fw={600} size="sm">
                    {step.number}. {step.title}
                  </Anchor>
                  <Badge color={color} variant={step.state === 'done' ? 'filled' : 'light'} size="sm">
                    {label}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {step.reason}
                </Text>
              </Stack>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
