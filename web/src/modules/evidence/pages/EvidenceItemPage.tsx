import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { FlagBadges } from '../../../shared/ui/FlagBadges';
import { formatDate } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { FLAG_LABELS, KIND_LABELS, StateBadge } from '../components/labels';
import { recordHref } from '../hooks/useChoices';
import { useEvidenceItem } from '../hooks/useEvidence';

interface LinkItem {
  key: string;
  label: string;
  href: string | null;
  archived?: boolean;
}

/** One row of what the item evidences: each link by name, opening its record. */
function Links({ label, items }: { label: string; items: LinkItem[] }) {
  if (items.length === 0) return null;
  return (
    <Group gap={6} align="baseline" wrap="wrap" component="li" aria-label={label}>
      <Text size="sm" fw={600}>
        {label}:
      </Text>
      {items.map((l, i) => (
        <Text key={l.key} size="sm" component="span" style={{ overflowWrap: 'anywhere' }}>
          {l.href ? (
            <Anchor component={Link} to={l.href} size="sm">
              {l.label}
            </Anchor>
          ) : (
            l.label
          )}
          {l.archived && (
            <Badge ml={4} size="xs" color="gray" variant="light">
              archived
            </Badge>
          )}
          {i < items.length - 1 && ','}
        </Text>
      ))}
    </Group>
  );
}

/** One evidence item: its source, validity, what it evidences and its flags. */
export function EvidenceItemPage() {
  const { org, can } = useOrg();
  const { evidenceId = '' } = useParams();
  const item = useEvidenceItem(org.id, evidenceId);
  const base = `/orgs/${org.id}`;
  return (
    <QueryState query={item}>
      {(e) => {
        const source: ReactNode = e.file ? (
          e.file.name
        ) : e.url ? (
          <Anchor href={e.url} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
            {e.url}
          </Anchor>
        ) : e.record ? (
          (() => {
            const href = recordHref(org.id, e.record.kind, e.record.id);
            return href ? (
              <Anchor component={Link} to={href}>
                {e.record.label}
              </Anchor>
            ) : (
              e.record.label
            );
          })()
        ) : (
          '—'
        );
        const linked = e.requirements.length + e.controls.length + e.aiSystems.length + e.risks.length > 0;
        return (
          <Stack gap="lg">
            <PageHeader
              eyebrow={`Evidence · ${e.number}`}
              title={e.title}
              description={e.description || undefined}
              actions={
                can('write') && !e.archivedAt ? (
                  <Button component={Link} to={`${base}/evidence/${e.id}/edit`}>
                    Edit
                  </Button>
                ) : undefined
              }
            />
            <Paper withBorder p="lg">
              <Stack gap="sm">
                <Group gap="sm">
                  <StateBadge state={e.state} />
                  <FlagBadges flags={e.flags} labels={FLAG_LABELS} empty={<span />} />
                  {e.archivedAt && <Badge color="gray">Archived</Badge>}
                </Group>
                <Text size="sm">
                  {KIND_LABELS[e.kind]}: {source}
                </Text>
                <Text size="sm">
                  Collected {formatDate(e.collectedOn)} ·{' '}
                  {e.validUntil ? `valid until ${formatDate(e.validUntil)}` : 'no end date'} · {e.areaLabel}
                </Text>
                <Text size="sm" fw={600} mt="xs">
                  Evidences
                </Text>
                {linked ? (
                  <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                    <Links
                      label="Clauses"
                      items={e.requirements.map((r) => ({
                        key: r.id,
                        label: `${r.id} ${r.title}`,
                        href: `${base}/evidence?requirementId=${encodeURIComponent(r.id)}`,
                      }))}
                    />
                    <Links
                      label="Controls"
                      items={e.controls.map((c) => ({
                        key: c.id,
                        label: `${c.id} ${c.title}`,
                        href: `${base}/evidence?controlId=${encodeURIComponent(c.id)}`,
                      }))}
                    />
                    <Links
                      label="AI systems"
                      items={e.aiSystems.map((s) => ({
                        key: s.id,
                        label: s.name,
                        href: recordHref(org.id, 'ai-system', s.id),
                        archived: s.archived,
                      }))}
                    />
                    <Links
                      label="Risks"
                      items={e.risks.map((r) => ({
                        key: r.id,
                        label: r.name,
                        href: recordHref(org.id, 'risk', r.id),
                        archived: r.archived,
                      }))}
                    />
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    Nothing yet
                  </Text>
                )}
              </Stack>
            </Paper>
          </Stack>
        );
      }}
    </QueryState>
  );
}
