import { Anchor, Badge, Group, List, Stack, Text, Timeline } from '@mantine/core';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { formatDate, formatDateTime } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { CertificateStatusBadge } from '../components/StatusBadge';
import { type CertificationCycle, useCycle, useReadiness } from '../hooks/useCertificates';

type Item = CertificationCycle['timeline'][number];
const STATE_COLORS: Record<Item['state'], string> = { done: 'teal', due: 'blue', overdue: 'red' };
const STATE_WORDS: Record<Item['state'], string> = { done: 'Done', due: 'Due', overdue: 'Overdue' };

function CycleCard() {
  const { org } = useOrg();
  const cycle = useCycle(org.id);
  return (
    <SectionCard title="The three-year cycle">
      <QueryState query={cycle}>
        {(c) =>
          !c.certificate ? (
            <Text size="sm" c="dimmed">
              No certificate yet. The cycle starts with a granted decision and the certificate recorded on the{' '}
              <Anchor component={Link} to={`/orgs/${org.id}/certificates`} size="sm">
                Certificates
              </Anchor>{' '}
              page.
            </Text>
          ) : (
            <Stack gap="md">
              <Group gap="xs">
                <Anchor component={Link} to={`/orgs/${org.id}/certificates/${c.certificate.id}`} fw={600}>
                  {c.certificate.certificateNumber}
                </Anchor>
                <CertificateStatusBadge status={c.certificate.status} />
              </Group>
              {c.nextDue && (
                <Text size="sm">
                  Next: <strong>{c.nextDue.label}</strong> by {formatDate(c.nextDue.date)}
                </Text>
              )}
              <Timeline bulletSize={14} lineWidth={2} aria-label="Certification cycle">
                {c.timeline.map((i) => (
                  <Timeline.Item
                    key={`${i.kind}-${i.number ?? ''}`}
                    color={STATE_COLORS[i.state]}
                    title={
                      <Group gap="xs">
                        <Text size="sm" fw={600}>
                          {i.label}
                        </Text>
                        <Badge size="sm" variant="light" color={STATE_COLORS[i.state]}>
                          {STATE_WORDS[i.state]}
                        </Badge>
                      </Group>
                    }
                  >
                    <Text size="sm" c="dimmed">
                      {i.kind === 'decision' ? formatDate(i.date) : `by ${formatDate(i.date)}`}
                      {i.doneBy && i.kind !== 'decision' && <> · held, ended {formatDate(i.doneBy.date)}</>}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            </Stack>
          )
        }
      </QueryState>
    </SectionCard>
  );
}

function ReadinessCard() {
  const { org } = useOrg();
  const readiness = useReadiness(org.id);
  return (
    <QueryState query={readiness}>
      {(r) => (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {r.since ? `Changes since ${r.sinceWhat}.` : `Nothing to compare yet: ${r.sinceWhat}.`}
          </Text>
          {r.sections.map((s) => (
            <SectionCard key={s.key} title={s.title} aside={<Badge variant="light">{s.count}</Badge>}>
              {s.items.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No change recorded since then.
                </Text>
              ) : (
                <List size="sm" spacing={4}>
                  {s.items.map((i) => (
                    <List.Item key={`${i.type}-${i.id}`}>
                      <Anchor component={Link} to={i.link} size="sm">
                        {i.label}
                      </Anchor>{' '}
                      <Text span size="xs" c="dimmed">
                        {i.action === 'create' ? 'added' : i.action} · {formatDateTime(i.at)}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              )}
            </SectionCard>
          ))}
        </Stack>
      )}
    </QueryState>
  );
}

/** Step 14: the cycle's due dates from the audits held, and what changed since the last audit, for the next one. */
export function SurveillancePage() {
  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow="Step 14 · Surveillance"
        title="Surveillance"
        description="A certificate runs three years: surveillance audits in the first and second years, then recertification before it expires. Below, each date with what was held, and what changed in the AI management system since the last certification audit, by the themes a surveillance audit looks at."
      />
      <CycleCard />
      <ReadinessCard />
    </Stack>
  );
}
