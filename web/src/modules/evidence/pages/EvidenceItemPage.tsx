import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { FlagBadges } from '../../../shared/ui/FlagBadges';
import { formatDate } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { FLAG_LABELS, KIND_LABELS, StateBadge } from '../components/labels';
import { useEvidenceItem } from '../hooks/useEvidence';

/** One evidence item: its source, validity, what it evidences and its flags. */
export function EvidenceItemPage() {
  const { org } = useOrg();
  const { evidenceId = '' } = useParams();
  const item = useEvidenceItem(org.id, evidenceId);
  return (
    <QueryState query={item}>
      {(e) => (
        <Stack gap="lg">
          <PageHeader eyebrow={`Evidence · ${e.number}`} title={e.title} description={e.description || undefined} />
          <Paper withBorder p="lg">
            <Stack gap="sm">
              <Group gap="sm">
                <StateBadge state={e.state} />
                <FlagBadges flags={e.flags} labels={FLAG_LABELS} empty={<span />} />
              </Group>
              <Text size="sm">
                {KIND_LABELS[e.kind]}:{' '}
                {e.file ? (
                  e.file.name
                ) : e.url ? (
                  <Anchor href={e.url} target="_blank" rel="noopener noreferrer">
                    {e.url}
                  </Anchor>
                ) : (
                  (e.record?.label ?? '—')
                )}
              </Text>
              <Text size="sm">
                Collected {formatDate(e.collectedOn)} · {e.validUntil ? `valid until ${formatDate(e.validUntil)}` : 'no end date'}{' '}
                · {e.areaLabel}
              </Text>
              <Text size="sm">
                Evidences:{' '}
                {[...e.requirements, ...e.controls].map((c, i) => (
                  <span key={c.id}>
                    {i > 0 && ', '}
                    <Anchor
                      component={Link}
                      to={`/orgs/${org.id}/evidence?${/^\d/.test(c.id) ? 'requirementId' : 'controlId'}=${encodeURIComponent(c.id)}`}
                    >
                      {c.id} {c.title}
                    </Anchor>
                  </span>
                ))}
                {e.requirements.length + e.controls.length === 0 && 'nothing yet'}
              </Text>
            </Stack>
          </Paper>
        </Stack>
      )}
    </QueryState>
  );
}
