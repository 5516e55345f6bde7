import { Accordion, Anchor, Badge, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDeferredValue, useState } from 'react';
import { groupLabel, groupRequirements } from '../groups';
import type { Catalogue, Requirement } from '../hooks/useCatalogue';
import { RequirementGuide } from './RequirementGuide';

function matches(r: Requirement, q: string): boolean {
  if (!q) return true;
  const hay = [r.id, r.title, r.intent, ...r.questions, ...r.evidence, ...r.documentedInformation].join(' ').toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .every((word) => hay.includes(word));
}

/** The 32 clauses and 38 Annex A controls by clause and control objective, each with our guidance. */
export function RequirementsBrowser({ catalogue }: { catalogue: Catalogue }) {
  const [q, setQ] = useState('');
  const query = useDeferredValue(q.trim());
  const groups = groupRequirements(catalogue.requirements)
    .map((g) => ({ ...g, requirements: g.requirements.filter((r) => matches(r, query)) }))
    .filter((g) => g.requirements.length > 0);
  const shown = groups.reduce((n, g) => n + g.requirements.length, 0);

  return (
    <Stack gap="lg">
      <Group component="search" align="flex-end" gap="lg" aria-label="Search the catalogue">
        <TextInput
          label="Search"
          placeholder="An id, a word of a title, intent or question"
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={380}
        />
        <Text size="sm" c="dimmed" mb={6} aria-live="polite">
          {shown} of {catalogue.requirements.length} requirements and controls
        </Text>
      </Group>
      <Group component="nav" aria-label="Clauses and control objectives" gap={6}>
        {groups.map((g) => (
          <Anchor key={g.id} href={`#group-${g.id}`} size="sm" fw={500}>
            {groupLabel(g)}
          </Anchor>
        ))}
      </Group>
      {groups.map((g) => (
        <section key={g.id} id={`group-${g.id}`} aria-labelledby={`group-${g.id}-title`}>
          <Group gap="xs" mb="xs">
            <Title order={2} fz="md" fw={650} id={`group-${g.id}-title`}>
              {groupLabel(g)} · {g.title}
            </Title>
            <Badge size="sm" variant="light" color="gray" radius="sm">
              {g.kind === 'clause' ? 'management-system requirements' : 'Annex A controls'}
            </Badge>
          </Group>
          <Accordion multiple variant="separated" radius="md">
            {g.requirements.map((r, i) => {
              const subgroupStarts = r.subgroup && g.requirements[i - 1]?.subgroup !== r.subgroup;
              return (
                <div key={r.id}>
                  {subgroupStarts && (
                    <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt={i ? 'sm' : 0} mb={6}>
                      {r.subgroup} · {r.subgroupTitle}
                    </Text>
                  )}
                  <Accordion.Item value={r.id}>
                    <Accordion.Control>
                      <Group gap="sm" wrap="nowrap">
                        <Text size="sm" fw={700} ff="monospace" miw={64}>
                          {r.id}
                        </Text>
                        <Text size="sm" fw={500}>
                          {r.title}
                        </Text>
                      </Group>
                    </Accordion.Control>
                    <Accordion.Panel>
                      <RequirementGuide requirement={r} reviewAreas={catalogue.reviewAreas} />
                    </Accordion.Panel>
                  </Accordion.Item>
                </div>
              );
            })}
          </Accordion>
        </section>
      ))}
      {groups.length === 0 && (
        <Text c="dimmed" ta="center" py="xl">
          Nothing matches “{query}”.
        </Text>
      )}
    </Stack>
  );
}
