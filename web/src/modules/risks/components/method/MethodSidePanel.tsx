import { Anchor, Badge, Button, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { formatDateTime } from '../../../../shared/ui/format';
import type { RiskMethodCheck, RiskMethodOverview } from '../../hooks/useRiskMethod';
import { sectionIdOf } from './methodForm';

interface StatusProps {
  overview: RiskMethodOverview;
  dirty: boolean;
  canWrite: boolean;
  canApprove: boolean;
  saving: boolean;
  justSaved: boolean;
  onSave: () => void;
  onApprove: () => void;
  onDiscard: () => void;
}

function statusLine({ draft, approved }: RiskMethodOverview): string {
  if (draft) return `Draft of version ${draft.version}, saved ${formatDateTime(draft.updatedAt)}.`;
  if (approved)
    return `Version ${approved.version} approved${approved.approvedByName ? ` by ${approved.approvedByName}` : ''} on ${formatDateTime(approved.approvedAt)}. Risks are scored with it.`;
  return 'No method yet: risks are scored with the built-in default shown here until you save your own.';
}

/** Where the method stands and what can be done with it; stays in view while editing. */
export function MethodStatusCard(p: StatusProps) {
  const { overview, dirty } = p;
  const nothingSaved = !overview.draft && !overview.approved;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Risk method status and actions">
      <Stack gap="sm">
        <Group gap="xs">
          {overview.draft ? (
            <Badge color="yellow" variant="light" radius="sm">
              Draft
            </Badge>
          ) : overview.approved ? (
            <Badge color="teal" variant="light" radius="sm">
              Approved
            </Badge>
          ) : (
            <Badge color="gray" variant="light" radius="sm">
              Default, not saved
            </Badge>
          )}
          {dirty && (
            <Badge color="orange" variant="outline" radius="sm">
              Unsaved changes
            </Badge>
          )}
        </Group>
        <Text size="sm" role="status" aria-live="polite">
          {p.justSaved && !dirty && overview.draft ? 'Draft saved. ' : ''}
          {statusLine(overview)}
        </Text>
        {overview.draft && overview.approved && (
          <Text size="xs" c="dimmed">
            Version {overview.approved.version} stays in force for scoring until this draft is approved.
          </Text>
        )}
        {p.canWrite ? (
          <Group gap="xs">
            <Button onClick={p.onSave} loading={p.saving} disabled={!dirty && !nothingSaved && overview.draft !== null}>
              {nothingSaved && !dirty ? 'Start from the default' : 'Save draft'}
            </Button>
            {p.canApprove && (
              <Button color="teal" variant="light" onClick={p.onApprove} disabled={!(overview.draft !== null || dirty)}>
                Approve…
              </Button>
            )}
            {overview.draft && (
              <Button color="red" variant="subtle" onClick={p.onDiscard}>
                Discard draft
              </Button>
            )}
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            Your role can read the risk method but not change it.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

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
