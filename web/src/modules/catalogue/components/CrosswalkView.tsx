import { Alert, Anchor, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDeferredValue, useState } from 'react';
import { plural } from '../../../shared/ui/format';
import { type CrosswalkDetail, crosswalkCsvUrl } from '../hooks/useCatalogue';

/** One crosswalk: its disclaimer first, then every link with its rationale, and the CSV download. */
export function CrosswalkView({ crosswalk: c }: { crosswalk: CrosswalkDetail }) {
  const [q, setQ] = useState('');
  const query = useDeferredValue(q.trim().toLowerCase());
  const targetOrder = new Map(c.targets.map((t, i) => [t.id, i]));
  const links = c.links
    .filter((l) => !query || [l.from, l.fromTitle, l.to, l.toTitle, l.rationale].join(' ').toLowerCase().includes(query))
    .sort((a, b) => (targetOrder.get(a.to) ?? 0) - (targetOrder.get(b.to) ?? 0));
  const linked = new Set(c.links.map((l) => l.to));
  const unlinked = c.targets.filter((t) => !linked.has(t.id));

  return (
    <Stack gap="lg">
      <Alert color="orange" variant="light" title="Not an official mapping" role="note" radius="md">
        <Text size="sm" fw={500}>
          {c.disclaimer}
        </Text>
      </Alert>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Title order={2} fz="lg">
            {c.title}
          </Title>
          <Text size="sm" c="dimmed">
            {c.source} · {plural(c.links.length, 'link')} to {plural(c.targets.length, 'item')} · catalogue {c.catalogueVersion}
          </Text>
        </Stack>
        <Button component="a" href={crosswalkCsvUrl(c.id)} download variant="default">
          Download CSV
        </Button>
      </Group>

      {c.processes && c.processes.length > 0 && (
        <section aria-labelledby="isms-processes">
          <Title order={3} fz="md" mb={4} id="isms-processes">
            ISMS processes an ISO/IEC 27001 holder can reuse
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            A new gap assessment marks the requirements a reused process covers as partially implemented, with the AI-specific
            part still to do as its note.
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {c.processes.map((p) => (
              <Paper key={p.id} withBorder p="md">
                <Text fw={600} size="sm">
                  {p.title}
                </Text>
                <Text size="sm" c="dimmed" mb="xs">
                  {p.summary}
                </Text>
                <List size="xs" spacing={2}>
                  {p.prefills.map((f) => (
                    <List.Item key={f.requirementId}>
                      <Text span size="xs" fw={700} ff="monospace">
                        {f.requirementId}
                      </Text>{' '}
                      still to do: {f.aiSpecificPart}
                    </List.Item>
                  ))}
                </List>
              </Paper>
            ))}
          </SimpleGrid>
        </section>
      )}

      <section aria-labelledby="crosswalk-links">
        <Group justify="space-between" align="flex-end" mb="sm">
          <Title order={3} fz="md" id="crosswalk-links">
            Links
          </Title>
          <TextInput
            label="Filter links"
            type="search"
            placeholder="An id or a word"
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={280}
          />
        </Group>
        <Table.ScrollContainer minWidth={800}>
          <Table verticalSpacing="sm" striped aria-label={`${c.title} links`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="28%">{c.source}</Table.Th>
                <Table.Th w="28%">ISO/IEC 42001</Table.Th>
                <Table.Th>Rationale</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {links.map((l) => (
                <Table.Tr key={`${l.to}-${l.from}`}>
                  <Table.Td>
                    <Text size="sm">
                      <Text span fw={700} ff="monospace" size="sm">
                        {l.to}
                      </Text>{' '}
                      {l.toTitle}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <Text span fw={700} ff="monospace" size="sm">
                        {l.from}
                      </Text>{' '}
                      {l.fromTitle}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{l.rationale}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
              {links.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={3}>
                    <Text size="sm" c="dimmed" ta="center">
                      No link matches.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {unlinked.length > 0 && !query && (
          <Text size="sm" c="dimmed" mt="sm">
            Without a link: {unlinked.map((t) => `${t.id} ${t.title}`).join('; ')}.
          </Text>
        )}
        <Text size="xs" c="dimmed" mt="sm">
          The CSV has the columns iso42001_id, iso42001_title, target_id, target_title and rationale.{' '}
          <Anchor href={crosswalkCsvUrl(c.id)} download size="xs">
            Download it
          </Anchor>
          .
        </Text>
      </section>
    </Stack>
  );
}
