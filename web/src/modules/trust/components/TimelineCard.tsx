import { Alert, Badge, Group, List, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { formatDate } from '../../../shared/ui/format';
import { SectionCard } from '../../../shared/ui/SectionCard';
import type { CertificationTimeline } from '../hooks/useTrust';

function Stage({ label, stage }: { label: string; stage: CertificationTimeline['forecast']['stage1'] }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Group gap="xs">
        <Text fw={700} fz="lg" data-testid={`${label.toLowerCase().replace(' ', '-')}-date`}>
          {formatDate(stage.date)}
        </Text>
        <Badge variant="light" color={stage.source === 'planned' ? 'teal' : 'gray'}>
          {stage.source === 'planned' ? `Planned ${stage.audit ?? ''}`.trim() : 'Forecast'}
        </Badge>
      </Group>
    </Stack>
  );
}

export function TimelineCard({ timeline }: { timeline: CertificationTimeline }) {
  const t = timeline;
  const drivers = t.forecast.drivers.filter((d) => d.count > 0);
  return (
    <SectionCard
      title="Certification timeline"
      description="How long certification usually takes for an organization like yours, and when Stage 1 and Stage 2 could take place given the work still open."
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Stack gap={2}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            Organization type
          </Text>
          <Text fw={700}>{t.organizationType.label}</Text>
          <Text size="sm" c="dimmed">
            Planning range: {t.planningRange.text}
          </Text>
        </Stack>
        <Stage label="Stage 1" stage={t.forecast.stage1} />
        <Stage label="Stage 2" stage={t.forecast.stage2} />
      </SimpleGrid>
      <Text size="sm">
        Why this type: {t.organizationType.reasons.join('; ')}. {t.planningRange.pattern}
      </Text>
      <Alert variant="light" color="blue">
        {t.planningRange.caveat}
      </Alert>
      {drivers.length ? (
        <Table.ScrollContainer minWidth={360}>
          <Table striped aria-label="What the forecast is made of">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Open work</Table.Th>
                <Table.Th ta="right">Items</Table.Th>
                <Table.Th ta="right">Days each</Table.Th>
                <Table.Th>Before</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {drivers.map((d) => (
                <Table.Tr key={d.key}>
                  <Table.Td>{d.label}</Table.Td>
                  <Table.Td ta="right">{d.count}</Table.Td>
                  <Table.Td ta="right">{d.daysEach}</Table.Td>
                  <Table.Td>{d.before === 'stage-1' ? 'Stage 1' : 'Stage 2'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text size="sm">
          No open work is recorded: the dates only allow for the certification body's notice and the gap between the stages.
        </Text>
      )}
      <List size="xs" c="dimmed">
        {t.forecast.assumptions.map((a) => (
          <List.Item key={a}>{a}</List.Item>
        ))}
      </List>
    </SectionCard>
  );
}
