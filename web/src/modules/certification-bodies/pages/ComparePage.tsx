import { Anchor, Button, Checkbox, Group, List, Paper, Stack, Table, Text } from '@mantine/core';
import { Fragment, type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { BackLink } from '../../../shared/ui/BackLink';
import { formatDate } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { StatusBadge } from '../components/StatusBadge';
import { type CertificationBody, useAllCertificationBodies } from '../hooks/useCertificationBodies';
import {
  CHOICE_REASON_LABELS,
  daysText,
  FIELD_LABELS,
  formatMoney,
  PARTY_KIND_LABELS,
  TRISTATE_LABELS,
  type Tristate,
  WARNING_LABELS,
} from '../labels';

// The checklist column stays in view while the bodies scroll sideways (phones).
const STICKY = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--mantine-color-body)' } as const;

type Row = { label: string; cell: (b: CertificationBody) => ReactNode; group: string };

const tri = (v: Tristate) => (
  <Text size="sm" c={v === 'yes' ? 'teal.8' : v === 'no' ? 'red.8' : 'dimmed'}>
    {TRISTATE_LABELS[v]}
  </Text>
);
const txt = (v: string | null | undefined) =>
  v?.trim() ? (
    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
      {v}
    </Text>
  ) : (
    <Text size="sm" c="dimmed">
      —
    </Text>
  );

// The checklist of step 9 as rows, grouped as a body would be assessed.
const ROWS: Row[] = [
  { group: 'Issuer', label: 'Status', cell: (b) => <StatusBadge status={b.status} /> },
  { group: 'Issuer', label: FIELD_LABELS.partyKind, cell: (b) => txt(PARTY_KIND_LABELS[b.partyKind]) },
  { group: 'Issuer', label: 'Country', cell: (b) => txt(b.country) },
  { group: 'Accreditation', label: FIELD_LABELS.accreditedForIso42001, cell: (b) => tri(b.accreditedForIso42001) },
  { group: 'Accreditation', label: FIELD_LABELS.accreditationBody, cell: (b) => txt(b.accreditationBody) },
  { group: 'Accreditation', label: FIELD_LABELS.accreditationReference, cell: (b) => txt(b.accreditationReference) },
  { group: 'Accreditation', label: FIELD_LABELS.iafMlaSignatory, cell: (b) => tri(b.iafMlaSignatory) },
  { group: 'Verification and buyers', label: FIELD_LABELS.verificationRoute, cell: (b) => txt(b.verificationRoute) },
  { group: 'Verification and buyers', label: FIELD_LABELS.listedInIafCertSearch, cell: (b) => tri(b.listedInIafCertSearch) },
  { group: 'Verification and buyers', label: FIELD_LABELS.buyerMarkets, cell: (b) => txt(b.buyerMarkets.join(', ')) },
  {
    group: 'Timeline and surveillance',
    label: FIELD_LABELS.earliestStage1On,
    cell: (b) => txt(b.earliestStage1On && formatDate(b.earliestStage1On)),
  },
  {
    group: 'Timeline and surveillance',
    label: FIELD_LABELS.surveillanceTermsClear,
    cell: (b) => tri(b.surveillanceTermsClear ? 'yes' : 'no'),
  },
  {
    group: 'Quote',
    label: 'Quote',
    cell: (b) => txt(b.quoteAmount === null ? null : formatMoney(b.quoteAmount, b.quoteCurrency)),
  },
  { group: 'Quote', label: FIELD_LABELS.quoteValidUntil, cell: (b) => txt(b.quoteValidUntil && formatDate(b.quoteValidUntil)) },
  { group: 'Audit days', label: 'Stage 1', cell: (b) => txt(daysText(b.daysStage1)) },
  { group: 'Audit days', label: 'Stage 2', cell: (b) => txt(daysText(b.daysStage2)) },
  { group: 'Audit days', label: 'Each surveillance', cell: (b) => txt(daysText(b.daysSurveillance)) },
  { group: 'Audit days', label: 'Recertification', cell: (b) => txt(daysText(b.daysRecertification)) },
  { group: 'Audit days', label: 'First three-year cycle', cell: (b) => txt(daysText(b.firstCycleDays)) },
  {
    group: 'Choice',
    label: FIELD_LABELS.choiceReasons,
    cell: (b) => txt(b.choiceReasons.map((r) => CHOICE_REASON_LABELS[r]).join(', ')),
  },
  {
    group: 'Choice',
    label: 'Warnings',
    cell: (b) =>
      b.warnings.length === 0 ? (
        <Text size="sm" c="teal.8">
          None
        </Text>
      ) : (
        <List size="sm" spacing={2} c="orange.9">
          {b.warnings.map((w) => (
            <List.Item key={w.code} title={w.message} data-warning={w.code}>
              {WARNING_LABELS[w.code]}
            </List.Item>
          ))}
        </List>
      ),
  },
];

function CompareTable({ bodies, base }: { bodies: CertificationBody[]; base: string }) {
  return (
    <Table.ScrollContainer minWidth={150 + bodies.length * 180} type="native">
      <Table withColumnBorders verticalSpacing="xs" aria-label="Certification bodies side by side" stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150} style={STICKY}>
              Checklist
            </Table.Th>
            {bodies.map((b) => (
              <Table.Th key={b.id} miw={180}>
                <Anchor component={Link} to={`${base}/${b.id}`} fw={600}>
                  {b.name}
                </Anchor>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ROWS.map((r, i) => (
            <Fragment key={r.label}>
              {(i === 0 || ROWS[i - 1].group !== r.group) && (
                <Table.Tr>
                  <Table.Th colSpan={bodies.length + 1} bg="gray.0">
                    {r.group}
                  </Table.Th>
                </Table.Tr>
              )}
              <Table.Tr>
                <Table.Th scope="row" fw={500} style={STICKY}>
                  {r.label}
                </Table.Th>
                {bodies.map((b) => (
                  <Table.Td key={b.id}>{r.cell(b)}</Table.Td>
                ))}
              </Table.Tr>
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The candidates side by side: one column per body, one row per item of the checklist, quote and days. */
export function ComparePage() {
  const { org, can } = useOrg();
  const all = useAllCertificationBodies(org.id);
  const [withRejected, setWithRejected] = useState(false);
  const base = `/orgs/${org.id}/certification-bodies`;
  return (
    <Stack gap="lg">
      <BackLink to={base}>Certification bodies</BackLink>
      <PageHeader
        eyebrow="Certification · Step 9"
        title="Compare certification bodies"
        description="The body, its accredited scope, the certificate’s verification route and your buyers’ expectations should line up. A name that sounds international or a low price is not enough."
      />
      <Paper withBorder p="lg">
        <QueryState query={all}>
          {(page) => {
            const bodies = page.items.filter((b) => withRejected || b.status !== 'rejected');
            return (
              <Stack gap="md">
                <Checkbox
                  label="Show rejected bodies"
                  checked={withRejected}
                  onChange={(e) => setWithRejected(e.currentTarget.checked)}
                />
                {bodies.length === 0 ? (
                  <Stack align="center" gap="xs" py="xl">
                    <Text fw={600}>Nothing to compare yet</Text>
                    <Text size="sm" c="dimmed" ta="center">
                      Add the bodies you are considering; each becomes a column here.
                    </Text>
                    {can('write') && (
                      <Group>
                        <Button component={Link} to={`${base}/new`}>
                          Add a candidate
                        </Button>
                      </Group>
                    )}
                  </Stack>
                ) : (
                  <CompareTable bodies={bodies} base={base} />
                )}
              </Stack>
            );
          }}
        </QueryState>
      </Paper>
    </Stack>
  );
}
