import { Anchor, Badge, Group, List, Paper, Text, ThemeIcon, Title } from '@mantine/core';
import type { ScopeCheck } from '../hooks/useScope';
import { sectionOf } from './sections';

interface Props {
  checks: ScopeCheck[];
  /** false before the first save: the server checks saved versions only */
  checked: boolean;
  stale: boolean;
  /** offer "Go to section" (only beside the editor) */
  linkSections?: boolean;
}

function focusSection(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ behavior: 'smooth', block: 'start' });
  const input = el.querySelector<HTMLElement>(
    'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled])',
  );
  input?.focus({ preventScroll: true });
}

/** What a Stage 1 auditor would question in the saved scope, linked to the section to fix. */
export function ChecksPanel({ checks, checked, stale, linkSections = true }: Props) {
  const warnings = checks.filter((c) => c.severity === 'warning');
  const infos = checks.filter((c) => c.severity === 'info');
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="scope-checks-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="md" id="scope-checks-title">
          Checks
        </Title>
        {checked && (
          <Badge color={warnings.length ? 'yellow' : 'teal'} variant="light" radius="sm">
            {warnings.length ? `${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}` : 'No warnings'}
          </Badge>
        )}
      </Group>
      {!checked && (
        <Text size="sm" c="dimmed">
          Save a draft to check the scope against what a Stage 1 auditor looks for.
        </Text>
      )}
      {checked && stale && (
        <Text size="xs" c="dimmed" mb="xs">
          As of the last save. Save the draft to check your changes.
        </Text>
      )}
      {checked && checks.length === 0 && (
        <Text size="sm" c="dimmed">
          Nothing to flag: each question has an answer.
        </Text>
      )}
      <List spacing="xs" size="sm" listStyleType="none" aria-label="Scope checks">
        {[...warnings, ...infos].map((c) => {
          const section = sectionOf(c.field);
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
              {linkSections && section && (
                <Anchor component="button" type="button" size="xs" onClick={() => focusSection(section.id)}>
                  Go to section
                </Anchor>
              )}
            </List.Item>
          );
        })}
      </List>
    </Paper>
  );
}
