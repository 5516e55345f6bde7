import { Anchor, Badge, Grid, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { BackLink } from '../../../shared/ui/BackLink';
import { formatDate } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { useCatalogue } from '../../catalogue';
import { CompareForm } from '../components/CompareForm';
import { ScoreText } from '../components/ScoreText';
import { type AssessmentSummary, useAssessments, useCompare } from '../hooks/useGap';
import { type CellStatus, STATUS_LABELS } from '../labels';

type Change = { requirementId: string; before: string; after: string; change: 'improved' | 'slipped' };

const label = (s: string) => STATUS_LABELS[s as CellStatus] ?? s;

function ChangeList({
  title,
  items,
  color,
  hrefOf,
  titles,
}: {
  title: string;
  items: Change[];
  color: string;
  hrefOf: (requirementId: string) => string;
  titles: Map<string, string>;
}) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={`changes-${color}`}>
      <Group gap="xs" mb="sm">
        <Title order={2} fz="md" id={`changes-${color}`}>
          {title}
        </Title>
        <Badge color={color} variant="light" radius="sm">
          {items.length}
        </Badge>
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          None.
        </Text>
      ) : (
        <Table verticalSpacing={4} aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Requirement</Table.Th>
              <Table.Th>Before</Table.Th>
              <Table.Th>After</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.requirementId}>
                <Table.Td>
                  <Anchor component={Link} to={hrefOf(c.requirementId)} size="sm">
                    <Text span fw={700} ff="monospace" size="sm">
                      {c.requirementId}
                    </Text>{' '}
                    {titles.get(c.requirementId)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{label(c.before)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {label(c.after)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function Summary({ a, which, href }: { a: AssessmentSummary; which: string; href: string }) {
  return (
    <Paper withBorder p="lg">
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {which}
      </Text>
      <Anchor component={Link} to={href} fw={600}>
        {a.title}
      </Anchor>
      <Text size="sm" c="dimmed">
        {formatDate(a.assessmentDate)} · {a.answered} of {a.total} answered
      </Text>
      <Group gap={6} mt={4}>
        <Text size="sm">Overall score</Text>
        <ScoreText score={a.overall.score} />
      </Group>
    </Paper>
  );
}

/** Two assessments side by side: what improved and what slipped between them. */
export function ComparePage() {
  const { org } = useOrg();
  const [params] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const list = useAssessments(org.id);
  const compare = useCompare(org.id, from, to);
  const catalogue = useCatalogue();
  const titles = new Map(catalogue.data?.requirements.map((r) => [r.id, r.title]));
  const base = `/orgs/${org.id}/gap-assessment`;
  const hrefOf = (requirementId: string) => `${base}/${to}/answer?req=${encodeURIComponent(requirementId)}`;

  return (
    <Stack gap="lg">
      <BackLink to={base}>Gap assessments</BackLink>
      <PageHeader
        eyebrow="Step 2 of 14 · Gap assessment"
        title="Compare assessments"
        description="Requirements whose status moved between two assessments: improved (toward implemented) or slipped (away from it). Not applicable in either is left out."
      />
      <QueryState query={list}>
        {({ items }) => <CompareForm key={`${from}-${to}`} orgId={org.id} assessments={items} from={from} to={to} />}
      </QueryState>
      {from && to && (
        <QueryState query={compare}>
          {(data) => (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
                <Summary a={data.from} which="Earlier" href={`${base}/${data.from.id}`} />
                <Summary a={data.to} which="Later" href={`${base}/${data.to.id}`} />
              </SimpleGrid>
              <Grid gap="lg">
                <Grid.Col span={{ base: 12, md: 6 }}>
                  <ChangeList
                    title="Improved"
                    color="teal"
                    items={data.changes.filter((c) => c.change === 'improved')}
                    hrefOf={hrefOf}
                    titles={titles}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 6 }}>
                  <ChangeList
                    title="Slipped"
                    color="red"
                    items={data.changes.filter((c) => c.change === 'slipped')}
                    hrefOf={hrefOf}
                    titles={titles}
                  />
                </Grid.Col>
              </Grid>
            </>
          )}
        </QueryState>
      )}
    </Stack>
  );
}
