import { Alert, Anchor, Button, Grid, Group, List, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { BackLink } from '../../../shared/ui/BackLink';
import { DownloadButton } from '../../../shared/ui/DownloadButton';
import { Fields } from '../../../shared/ui/Fields';
import { FormError } from '../../../shared/ui/FormError';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { type QuoteRequestPack, useQuoteRequest, useSaveQuoteSettings } from '../hooks/useCertificationBodies';
import { daysText } from '../labels';

const yesNo = (b: boolean) => (b ? 'Yes' : 'No');

function TimelineForm({ pack }: { pack: QuoteRequestPack }) {
  const { org, can } = useOrg();
  const [month, setMonth] = useState(pack.desiredStage2Month ?? '');
  const save = useSaveQuoteSettings(org.id);
  if (!can('write')) return <Text size="sm">{pack.desiredStage2Month ?? 'Not set'}</Text>;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(month || null);
      }}
    >
      <Group align="flex-end" gap="sm">
        <TextInput
          type="month"
          label="Desired Stage 2 audit"
          description="The month you would like the Stage 2 audit"
          placeholder="YYYY-MM"
          value={month}
          onChange={(e) => setMonth(e.currentTarget.value)}
          error={save.fieldErrors.desiredStage2Month}
          w={240}
        />
        <Button type="submit" variant="default" loading={save.isPending}>
          Save
        </Button>
      </Group>
      <FormError error={save.error} placed={['desiredStage2Month']} />
    </form>
  );
}

function PackView({ pack: p }: { pack: QuoteRequestPack }) {
  const { org } = useOrg();
  const o = p.organization;
  const e = p.estimate;
  return (
    <Stack gap="lg">
      {p.missing.length > 0 ? (
        <Alert color="orange" variant="light" title="What a certification body will ask that your records do not say yet">
          <List size="sm" spacing={4}>
            {p.missing.map((m) => (
              <List.Item key={m.code}>
                {m.message}{' '}
                {m.code !== 'timeline' && (
                  <Anchor component={Link} to={`/orgs/${org.id}/${m.fixPath}`} size="sm">
                    {m.fixLabel}
                  </Anchor>
                )}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        <Alert color="teal" variant="light">
          Every fact a certification body asks for a quote is recorded.
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <SectionCard title="The organization">
              <Fields
                labelWidth={200}
                items={[
                  { label: 'Organization', value: o.name },
                  { label: 'Country', value: o.country },
                  { label: 'Target buyer markets', value: o.targetMarkets.join(', ') },
                  { label: 'Employees', value: o.employeeCount === null ? null : String(o.employeeCount) },
                  { label: 'Sites', value: o.sites.map((s) => `${s.name} (${s.country})`).join(', ') },
                  { label: 'AI roles', value: o.aiRoles.join(', ') },
                  { label: 'ISO/IEC 27001 held', value: yesNo(p.certificationsHeld.iso27001) },
                  { label: 'ISO 9001 held', value: yesNo(p.certificationsHeld.iso9001) },
                ]}
              />
            </SectionCard>
            <SectionCard title="Desired timeline">
              <TimelineForm pack={p} />
            </SectionCard>
            <SectionCard
              title="AI systems in scope"
              description={
                p.aiSystems.scopeVersion
                  ? `From the inventory and the approved scope (version ${p.aiSystems.scopeVersion}).`
                  : 'From the inventory; no scope is approved yet.'
              }
            >
              {p.aiSystems.items.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No AI system is marked in scope yet.
                </Text>
              ) : (
                <List size="sm">
                  {p.aiSystems.items.map((s) => (
                    <List.Item key={s.name}>{s.name}</List.Item>
                  ))}
                </List>
              )}
            </SectionCard>
            <SectionCard title="Documentation readiness">
              <Fields
                labelWidth={200}
                items={[
                  {
                    label: 'Core documents held',
                    value: `${p.documentation.coreSetHeld} of ${p.documentation.coreSetTotal} (${p.documentation.coreSetInForce} in force)`,
                  },
                  { label: 'Documents approved', value: String(p.documentation.documentsApproved) },
                  { label: 'Reviews overdue', value: String(p.documentation.reviewsOverdue) },
                ]}
              />
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <SectionCard title="Audit days: planning estimate">
            <Alert color="blue" variant="light" data-testid="estimate-caveat">
              {e.caveat}
            </Alert>
            <Table aria-label="Estimated audit days">
              <Table.Tbody>
                {(
                  [
                    ['Stage 1', e.stage1Days],
                    ['Stage 2', e.stage2Days],
                    ['Initial audit in all', e.initialDays],
                    ['Each yearly surveillance', e.surveillanceDays],
                    ['Recertification', e.recertificationDays],
                  ] as const
                ).map(([label, d]) => (
                  <Table.Tr key={label}>
                    <Table.Th scope="row" fw={500}>
                      {label}
                    </Table.Th>
                    <Table.Td ta="right">about {daysText(d)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="sm" fw={600}>
              How it was estimated
            </Text>
            <List size="sm" spacing={4}>
              {[...e.basis, ...e.assumptions.map((a) => `Assumed: ${a}`)].map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </SectionCard>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** What a certification body asks before it quotes, compiled from the organization's records, to send as PDF or Word. */
export function QuoteRequestPage() {
  const { org } = useOrg();
  const pack = useQuoteRequest(org.id);
  const base = `/orgs/${org.id}/certification-bodies`;
  const file = `/api/v1/orgs/${org.id}/certification-bodies/quote-request`;
  return (
    <Stack gap="lg">
      <BackLink to={base}>Certification bodies</BackLink>
      <PageHeader
        eyebrow="Certification · Step 9"
        title="Quote request pack"
        description="Send this to the bodies you are considering: country and buyer markets, people and sites, the AI systems in scope, other ISO certificates, documentation readiness and your timeline, with a planning estimate of audit days."
        actions={
          <Group gap="sm">
            <DownloadButton href={`${file}?format=pdf`}>Download PDF</DownloadButton>
            <DownloadButton variant="default" href={`${file}?format=docx`}>
              Download Word
            </DownloadButton>
          </Group>
        }
      />
      <QueryState query={pack}>{(p) => <PackView pack={p} />}</QueryState>
    </Stack>
  );
}
