import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { MODULE_LABELS } from '../groups';
import type { Requirement, ReviewArea } from '../hooks/useCatalogue';

interface Props {
  requirement: Requirement;
  reviewAreas?: ReviewArea[];
  /** the wizard shows the questions first; the catalogue shows everything */
  compact?: boolean;
}

function Section({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        {title}
      </Text>
      <List size="sm" spacing={4} withPadding>
        {items.map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
    </div>
  );
}

/** OpenAIMS's guidance on one requirement or control, in its own words: intent, questions, evidence. */
export function RequirementGuide({ requirement: r, reviewAreas = [], compact }: Props) {
  const areaTitle = new Map(reviewAreas.map((a) => [a.id, a.title]));
  return (
    <Stack gap="sm">
      <div>
        <Text size="sm" fw={600} mb={2}>
          Our intent
        </Text>
        <Text size="sm">{r.intent}</Text>
      </div>
      <Section title="Questions to ask" items={r.questions} />
      <Section title="Evidence an auditor typically samples" items={r.evidence} />
      {!compact && <Section title="Documented information required" items={r.documentedInformation} />}
      <Group gap="xs">
        <Text size="xs" c="dimmed">
          Evidence held in:
        </Text>
        <Badge size="sm" variant="light" radius="sm">
          {MODULE_LABELS[r.module]}
        </Badge>
        {!compact && r.reviewAreas.length > 0 && (
          <>
            <Text size="xs" c="dimmed" ml="sm">
              Review areas:
            </Text>
            {r.reviewAreas.map((a) => (
              <Badge key={a} size="sm" variant="outline" color="gray" radius="sm">
                {areaTitle.get(a) ?? a}
              </Badge>
            ))}
          </>
        )}
      </Group>
      {compact && r.documentedInformation.length > 0 && (
        <Text size="xs" c="dimmed">
          Documented information required: {r.documentedInformation.join('; ')}
        </Text>
      )}
    </Stack>
  );
}
