import { Alert, Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, useCallback, useState } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { ConfirmModal } from '../../../shared/ui/ConfirmModal';
import { DownloadButton } from '../../../shared/ui/DownloadButton';
import { formatDateTime } from '../../../shared/ui/format';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import { OwnControlModal } from '../components/OwnControlModal';
import { SoaApproveModal } from '../components/SoaApproveModal';
import { SoaRowView } from '../components/SoaRowView';
import { exportHref, type Soa, type SoaRow, useApproveSoa, useRemoveOwnControl, useSoa, useSoaVersions } from '../hooks/useSoa';

type Filter = 'all' | 'excluded' | 'not-implemented' | 'flagged' | 'unjustified';

const FILTERS: Record<Filter, (r: SoaRow) => boolean> = {
  all: () => true,
  excluded: (r) => !r.applicable,
  'not-implemented': (r) => r.applicable && r.implementationStatus === 'not-implemented',
  // excluded although a risk's treatment relies on it
  flagged: (r) => r.flags.some((f) => f.code === 'excluded-control-treats-risks'),
  unjustified: (r) => r.flags.some((f) => f.code === 'inclusion-without-justification'),
};

/** The row's saved state: a row whose server copy changed starts its editing afresh. */
const rowKey = (r: SoaRow) =>
  `${r.controlId}|${r.applicable}|${r.justification}|${r.implementationStatus}|${r.implementation}|${r.owner?.userId ?? ''}|${r.owner?.name ?? ''}`;

/** Planning (6.1.3): every Annex A control and the organization's own, decided, justified and implemented. */
export function SoaPage() {
  const { org, can } = useOrg();
  const soa = useSoa(org.id);
  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow="Planning · Clause 6.1.3 · Annex A"
        title="Statement of Applicability"
        description="Every Annex A control and your own controls: whether each applies and why, how far it is implemented and how, who owns it, and which risks' treatment relies on it. Approve it to freeze a version for auditors."
        actions={
          <>
            <DownloadButton variant="default" href={exportHref(org.id, 'xlsx')} filename="statement-of-applicability.xlsx">
              Export XLSX
            </DownloadButton>
            <DownloadButton variant="default" href={exportHref(org.id, 'pdf')} filename="statement-of-applicability.pdf">
              Export PDF
            </DownloadButton>
          </>
        }
      />
      <QueryState query={soa}>{(data) => <SoaTable soa={data} canEdit={can('write')} canApprove={can('approve')} />}</QueryState>
      <SoaVersions />
    </Stack>
  );
}

function SoaTable({ soa, canEdit, canApprove }: { soa: Soa; canEdit: boolean; canApprove: boolean }) {
  const { org } = useOrg();
  const [filter, setFilter] = useState<Filter>('all');
  const [adding, setAdding] = useState(false);
  const [approving, setApproving] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);
  const [dirtyRows, setDirtyRows] = useState<ReadonlySet<string>>(new Set());
  const onDirty = useCallback((id: string, dirty: boolean) => {
    setDirtyRows((s) => {
      if (s.has(id) === dirty) return s;
      const next = new Set(s);
      if (dirty) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const guard = useLeaveGuard(dirtyRows.size > 0);
  const approve = useApproveSoa(org.id);
  const remove = useRemoveOwnControl(org.id);
  const warnings = soa.checks.filter((c) => c.severity === 'warning');
  const shown = soa.rows.filter(FILTERS[filter]);
  const count = (f: Filter) => soa.rows.filter(FILTERS[f]).length;
  const excludedWithRisks = warnings.filter(
    (w) => w.code === 'excluded-control-treats-risks' || w.code === 'treated-control-missing',
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Group gap="sm">
          <StatusBadge soa={soa} />
          <Text size="sm" c="dimmed">
            {statusLine(soa)}
          </Text>
        </Group>
        <Group gap="sm">
          {canEdit && (
            <Button variant="default" onClick={() => setAdding(true)}>
              Add own control
            </Button>
          )}
          {canApprove && soa.status === 'draft' && (
            <Button color="teal" onClick={() => setApproving(true)} disabled={dirtyRows.size > 0}>
              Approve version {soa.version}
            </Button>
          )}
        </Group>
      </Group>
      {excludedWithRisks.length > 0 && (
        <Alert color="orange" variant="light" title="Controls that risk treatments rely on, excluded or left out">
          {excludedWithRisks.map((w) => (
            <Text key={w.field} size="sm">
              {w.message}
            </Text>
          ))}
        </Alert>
      )}
      <Text size="xs" c="dimmed">
        {soa.evidenceNote}
      </Text>
      <SegmentedControl
        aria-label="Show"
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        data={[
          { value: 'all', label: `All (${count('all')})` },
          { value: 'excluded', label: `Excluded (${count('excluded')})` },
          { value: 'not-implemented', label: `Not implemented (${count('not-implemented')})` },
          { value: 'flagged', label: `Flagged (${count('flagged')})` },
          { value: 'unjustified', label: `No justification (${count('unjustified')})` },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <Table.ScrollContainer minWidth={1100}>
        <Table verticalSpacing="xs" striped={false} highlightOnHover aria-label="Statement of Applicability">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Control</Table.Th>
              <Table.Th>Applicable</Table.Th>
              <Table.Th>Justification</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>How it is implemented</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Linked risks</Table.Th>
              <Table.Th>Evidence</Table.Th>
              {canEdit && <Table.Th aria-label="Actions" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((r, i) => {
              const heading = r.kind === 'own' ? 'Own controls' : `${r.group} ${r.groupTitle ?? ''}`;
              const prev = shown[i - 1];
              const prevHeading = prev ? (prev.kind === 'own' ? 'Own controls' : `${prev.group} ${prev.groupTitle ?? ''}`) : null;
              return (
                <Fragment key={r.controlId}>
                  {heading !== prevHeading && (
                    <Table.Tr>
                      <Table.Td colSpan={canEdit ? 9 : 8} bg="gray.0">
                        <Title order={2} fz="xs" tt="uppercase" c="dimmed">
                          {heading}
                        </Title>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  <SoaRowView
                    key={rowKey(r)}
                    orgId={org.id}
                    row={r}
                    etag={soa.etag}
                    canEdit={canEdit}
                    onDirty={onDirty}
                    onRemove={r.kind === 'own' ? () => setRemoving(r.controlId) : undefined}
                  />
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {shown.length === 0 && (
        <Text size="sm" c="dimmed">
          No control matches this filter.
        </Text>
      )}
      {adding && <OwnControlModal orgId={org.id} etag={soa.etag} onClose={() => setAdding(false)} />}
      <SoaApproveModal
        key={approving ? 'open' : 'closed'}
        opened={approving}
        onClose={() => setApproving(false)}
        busy={approve.isPending}
        error={approve.error}
        version={soa.version}
        warnings={warnings}
        onApprove={(note, exceptions) =>
          approve.mutate({ note, exceptions, ifMatch: soa.etag }, { onSuccess: () => setApproving(false) })
        }
      />
      <ConfirmModal
        opened={removing !== null}
        title={`Remove ${removing ?? ''}?`}
        confirmLabel="Remove control"
        busy={remove.isPending}
        error={remove.error}
        onClose={() => setRemoving(null)}
        onConfirm={() =>
          removing && remove.mutate({ controlId: removing, ifMatch: soa.etag }, { onSuccess: () => setRemoving(null) })
        }
      >
        The control leaves the draft; approved versions keep it. A control that a risk's treatment relies on cannot be removed:
        exclude it with a justification instead.
      </ConfirmModal>
      <LeaveGuardModal guard={guard} what="The Statement of Applicability" />
    </Stack>
  );
}

function StatusBadge({ soa }: { soa: Soa }) {
  if (soa.status === 'approved')
    return (
      <Badge color="teal" variant="light">
        Approved · version {soa.version}
      </Badge>
    );
  if (soa.status === 'draft')
    return (
      <Badge color="yellow" variant="light">
        Draft · version {soa.version}
      </Badge>
    );
  return (
    <Badge color="gray" variant="light">
      Not started
    </Badge>
  );
}

function statusLine(soa: Soa): string {
  if (soa.status === 'approved')
    return `Approved ${formatDateTime(soa.approvedAt)} by ${soa.approver?.name ?? 'unknown'}. An edit starts version ${(soa.version ?? 0) + 1}.`;
  if (soa.status === 'draft')
    return soa.approvedVersion
      ? `Changes since version ${soa.approvedVersion.version}, approved ${formatDateTime(soa.approvedVersion.approvedAt)} by ${soa.approvedVersion.approverName ?? 'unknown'}.`
      : 'Not approved yet.';
  return 'Every Annex A control starts as applicable and not implemented; your first edit starts version 1.';
}

/** Approved versions, each downloadable as it was approved. */
function SoaVersions() {
  const { org } = useOrg();
  const versions = useSoaVersions(org.id);
  const approved = (versions.data?.items ?? []).filter((v) => v.status !== 'draft');
  if (approved.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="soa-versions">
      <Title order={2} fz="md" id="soa-versions">
        Approved versions
      </Title>
      <Table verticalSpacing={4}>
        <Table.Tbody>
          {approved.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>Version {v.version}</Table.Td>
              <Table.Td>{v.status === 'approved' ? 'Current' : 'Superseded'}</Table.Td>
              <Table.Td>
                Approved {formatDateTime(v.approvedAt)} by {v.approvedByName ?? 'unknown'}
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end">
                  <DownloadButton size="compact-xs" variant="subtle" href={exportHref(org.id, 'xlsx', v.version)}>
                    XLSX
                  </DownloadButton>
                  <DownloadButton size="compact-xs" variant="subtle" href={exportHref(org.id, 'pdf', v.version)}>
                    PDF
                  </DownloadButton>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
