import { Anchor, Badge, Group, List, Paper, Text, ThemeIcon, Title } from '@mantine/core';
import type { RiskMethodCheck } from '../../hooks/useRiskMethod';
import { sectionIdOf } from './methodForm';

function focusSection(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ behavior: 'smooth', block: 'start' });
  el.querySelector<HTMLElement>('input:not([disabled]), textarea:not([disabled]), button:not([disabled])')?.focus({
    preventScroll: true,
  });
}

/** What a Stage 1 auditor would call generic in the saved method, linked to the section to fix. */
export function MethodChecks({ checks, checked, stale }: { checks: RiskMethodCheck[]; checked: boolean; stale: boolean }) {
  const warnings = checks.filter((c) => c.severity === 'warning');
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="method-checks-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="md" id="method-checks-title">
          Checks
        </Title>
        <Badge color={warnings.length ? 'yellow' : 'teal'} variant="light" radius="sm">
          {warnings.length ? `${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}` : 'No warnings'}
        </Badge>
      </Group>
      {!checked && (
        <Text size="xs" c="dimmed" mb="xs">
          The checks of the default method. Save a draft to check your own.
        </Text>
      )}
      {checked && stale && (
        <Text size="xs" c="dimmed" mb="xs">
          As of the last save. Save the draft to check your changes.
        </Text>
      )}
      {warnings.length === 0 && (
        <Text size="sm" c="dimmed" mb={checks.length ? 'xs' : 0}>
          Nothing generic: AI risk sources are in use, every point says what it means for an AI system, and impact covers the
          people affected.
        </Text>
      )}
      {checks.length > 0 && (
        <List spacing="xs" size="sm" listStyleType="none" aria-label="Risk method checks">
          {[...warnings, ...checks.filter((c) => c.severity !== 'warning')].map((c) => {
            const section = sectionIdOf(c.field);
            return (
              <List.Item
                key={`${c.code}-${c.field}`}
                icon={
                  <ThemeIcon
                    size={18}
                    radius="xl"
                    color={c.severity === 'warning' ? 'yellow' : 'blue'}
                    variant="light"
                    aria-label={c.severity}
                  >
                    {c.severity === 'warning' ? '!' : 'i'}
                  </ThemeIcon>
                }
              >
                <Text size="sm" span>
                  {c.message}
                </Text>{' '}
                {section && (
                  <Anchor component="button" type="button" size="xs" onClick={() => focusSection(section)}>
                    Go to section
                  </Anchor>
                )}
              </List.Item>
            );
          })}
        </List>
      )}
    </Paper>
  );
}
