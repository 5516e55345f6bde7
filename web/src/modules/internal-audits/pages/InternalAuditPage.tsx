import { Alert, Anchor, Badge, Button, Grid, Group, List, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { ArchiveAction, RecordLoader } from '../../../shared/register';
import { BackLink } from '../../../shared/ui/BackLink';
import { Fields } from '../../../shared/ui/Fields';
import { formatDate, formatDateTime } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { type ChecklistFilter, ChecklistNav } from '../components/ChecklistNav';
import { ItemPanel } from '../components/ItemPanel';
import { ReportPanel } from '../components/ReportPanel';
import { AuditStatusBadge } from '../components/StatusBadge';
import { type AuditItem, type InternalAudit, useAudit, useAuditItems, useStartAudit } from '../hooks/useInternalAudits';
import { AREA_KIND_LABELS, recordHref } from '../labels';

function Checklist({ audit, items, canWrite }: { audit: InternalAudit; items: AuditItem[]; canWrite: boolean }) {
  const { org } = useOrg();
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState<ChecklistFilter>('all');
  const current = items.find((i) => i.id === params.get('item')) ?? items.find((i) => !i.result) ?? items[0] ?? null;
  const pick = (id: string) =>
    setParams(
      (p) => {
        p.set('item', id);
        return p;
      },
      { replace: true },
    );
  if (!current) return <Text c="dimmed">The checklist is empty.</Text>;
  const order = filter === 'open' ? items.filter((i) => !i.result || i.id === current.id) : items;
  const at = order.findIndex((i) => i.id === current.id);
  const step = (d: number) => (order[at + d] ? () => pick(order[at + d].id) : null);
  const readOnly = !canWrite || audit.status !== 'in-progress' || !!audit.archivedAt;
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <ChecklistNav items={items} current={current.id} onPick={pick} filter={filter} onFilter={setFilter} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        {readOnly && canWrite && audit.status !== 'in-progress' && (
          <Alert color="gray" mb="md">
            {audit.status === 'planned'
              ? 'Start the audit to record results.'
              : 'The audit is reported: its results are read-only. Reopen it from the Report tab to change them.'}
          </Alert>
        )}
        <ItemPanel
          key={current.id}
          orgId={org.id}
          auditId={audit.id}
          item={current}
          readOnly={readOnly}
          onPrev={step(-1)}
          onNext={step(1)}
        />
      </Grid.Col>
    </Grid>
  );
}

function Details({ audit }: { audit: InternalAudit }) {
  const { org } = useOrg();
  const range = (a: string | null, b: string | null) =>
    a || b ? `${formatDate(a) || 'not set'} to ${formatDate(b) || 'not set'}` : null;
  return (
    <SectionCard title="The audit">
      <Fields
        labelWidth={170}
        items={[
          { label: 'Scope', value: audit.scope || null },
          { label: 'Criteria', value: audit.criteria },
          { label: 'Planned', value: range(audit.plannedStart, audit.plannedEnd) },
          { label: 'Carried out', value: range(audit.actualStart, audit.actualEnd) },
          {
            label: 'Auditors',
            value: audit.auditors.length
              ? audit.auditors.map((a) => `${a.name}${a.lead ? ' (lead)' : ''}${a.userId ? '' : ' (outside)'}`).join('\n')
              : null,
          },
          {
            label: 'Records under audit',
            value: audit.areas.length ? (
              <List size="sm">
                {audit.areas.map((a) => {
                  const href = recordHref(org.id, a.type, a.id);
                  return (
                    <List.Item key={`${a.type}:${a.id}`}>
                      {AREA_KIND_LABELS[a.type]}:{' '}
                      {href ? (
                        <Anchor component={Link} to={href} size="sm">
                          {a.label}
                        </Anchor>
                      ) : (
                        a.label
                      )}
                    </List.Item>
                  );
                })}
              </List>
            ) : null,
          },
          {
            label: 'Requirements',
            value: audit.requirements.length
              ? audit.requirements.map((r) => `${r.id} ${r.title}`).join('\n')
              : 'The standing checklist only',
          },
          { label: 'Reported', value: audit.reportedAt ? formatDateTime(audit.reportedAt) : 'Not yet' },
        ]}
      />
    </SectionCard>
  );
}

function AuditView({ audit }: { audit: InternalAudit }) {
  const { org, can } = useOrg();
  const canWrite = can('write');
  const started = audit.status !== 'planned';
  const items = useAuditItems(org.id, audit.id, started);
  const start = useStartAudit(org.id, audit.id);
  const [tab, setTab] = useState<string | null>(started ? 'checklist' : 'details');
  const page = `/orgs/${org.id}/internal-audits/${audit.id}`;
  const archived = !!audit.archivedAt;
  return (
    <Stack gap="lg">
      <BackLink to={`/orgs/${org.id}/internal-audits`}>Internal audits</BackLink>
      <PageHeader
        eyebrow={`Internal audit ${audit.number}`}
        title={audit.title}
        badge={
          <Group gap="xs">
            <AuditStatusBadge status={audit.status} />
            {archived && (
              <Badge color="gray" variant="filled" radius="sm">
                Archived
              </Badge>
            )}
          </Group>
        }
        actions={
          <Group gap="sm">
            {canWrite && !archived && audit.status === 'planned' && (
              <Button
                loading={start.isPending}
                onClick={() => !start.isPending && start.mutate(undefined, { onSuccess: () => setTab('checklist') })}
              >
                Start audit
              </Button>
            )}
            {canWrite && !archived && (audit.status === 'planned' || audit.status === 'in-progress') && (
              <Button component={Link} to={`${page}/edit`} variant="default">
                Edit plan
              </Button>
            )}
            {canWrite && (
              <ArchiveAction
                orgId={org.id}
                register="internal-audits"
                record={{ ...audit, name: `${audit.number} ${audit.title}` }}
                archiveText="Archive an audit planned by mistake. It leaves the list; its checklist and history are kept and it can be restored."
              />
            )}
          </Group>
        }
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="checklist">Checklist{started ? ` (${audit.answeredCount}/${audit.itemCount})` : ''}</Tabs.Tab>
          <Tabs.Tab value="details">Plan</Tabs.Tab>
          <Tabs.Tab value="report">Report</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="checklist" pt="md">
          {started ? (
            <QueryState query={items}>{(list) => <Checklist audit={audit} items={list} canWrite={canWrite} />}</QueryState>
          ) : (
            <Alert color="blue" variant="light" title="Not started">
              The checklist is generated when the audit starts: the standing topics, then each requirement in scope, each with the
              facts OpenAIMS holds at that moment.
            </Alert>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="details" pt="md">
          <Details audit={audit} />
        </Tabs.Panel>
        <Tabs.Panel value="report" pt="md">
          <ReportPanel orgId={org.id} audit={audit} items={items.data ?? []} canWrite={canWrite} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** One internal audit: the execution screen (checklist), its plan and its report. */
export function InternalAuditPage() {
  const { org } = useOrg();
  const { auditId = '' } = useParams();
  return (
    <RecordLoader query={useAudit(org.id, auditId)} what="internal audit">
      {(a) => <AuditView key={a.id} audit={a} />}
    </RecordLoader>
  );
}
