import { Anchor, Badge, Button, Group, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/ui/format';
import { QueryState } from '../../../shared/ui/QueryState';
import { type CoreSetRow, useCoreSet } from '../hooks/useDocuments';
import { isDocumentType } from './typeOptions';
import { STATUS_COLORS, STATUS_LABELS, type DocumentStatus } from '../labels';

// The core set of documented information (clause 7.5) and where each one is
// held: live in the module that keeps it (the scope, the risk register…: no
// copy to drift), as a controlled document here, or not yet at all, with the
// ways to start it.

export interface StartActions {
  /** the template for a type, when there is one */
  templateFor(docType: string): string | null;
  fromTemplate(templateId: string): void;
  upload(docType: string): void;
  create(docType: string): void;
}

function Held({ row }: { row: CoreSetRow }) {
  if (row.heldAs === 'live')
    return (
      <Group gap={6} wrap="wrap">
        <Badge color="indigo" variant="light" radius="sm" tt="none">
          Live record
        </Badge>
        {row.status && (
          <Text size="xs" c="dimmed">
            {row.status}
            {row.version ? ` · version ${row.version}` : ''}
            {row.approvedAt ? ` · approved ${formatDate(row.approvedAt.slice(0, 10))}` : ''}
          </Text>
        )}
      </Group>
    );
  if (row.heldAs === 'document') {
    const status = row.status as DocumentStatus | null;
    return (
      <Group gap={6} wrap="wrap">
        <Badge color={status ? STATUS_COLORS[status] : 'gray'} variant="light" radius="sm" tt="none">
          {status ? STATUS_LABELS[status] : 'Document'}
        </Badge>
        <Text size="xs" c="dimmed">
          {row.version ? `Version ${row.version}` : 'No version yet'}
          {row.approvedAt ? ` · approved ${formatDate(row.approvedAt.slice(0, 10))}` : ''}
          {row.documentIds.length > 1 ? ` · ${row.documentIds.length} documents` : ''}
        </Text>
      </Group>
    );
  }
  return (
    <Badge color="red" variant="light" radius="sm" tt="none">
      Missing
    </Badge>
  );
}

function Start({ row, actions }: { row: CoreSetRow; actions: StartActions }) {
  const template = actions.templateFor(row.key);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="light" aria-label={`Start the ${row.title}`}>
          Start
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {template && <Menu.Item onClick={() => actions.fromTemplate(template)}>Write from template</Menu.Item>}
        <Menu.Item onClick={() => actions.upload(row.key)}>Upload</Menu.Item>
        <Menu.Item onClick={() => actions.create(row.key)}>New document</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export function CoreSetCard({ orgId, actions }: { orgId: string; actions: StartActions | null }) {
  const coreSet = useCoreSet(orgId);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="core-set-title">
      <Title order={2} fz="md" id="core-set-title">
        Core documented information
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        What an AI management system keeps, and where each is held. Live records stay in the page that keeps them, so there is no
        copy to fall out of date.
      </Text>
      <QueryState query={coreSet}>
        {({ items }) => (
          <>
            <Text size="sm" fw={600} mb="xs">
              {items.filter((r) => r.heldAs !== 'missing').length} of {items.length} held
            </Text>
            <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Core documents">
              {items.map((row) => (
                <Group
                  component="li"
                  key={row.key}
                  justify="space-between"
                  wrap="wrap"
                  gap="xs"
                  py={8}
                  style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
                  data-held={row.heldAs}
                >
                  <Stack gap={2} style={{ minWidth: 0, flex: '1 1 260px' }}>
                    {row.link ? (
                      <Anchor component={Link} to={row.link} size="sm" fw={600}>
                        {row.title}
                      </Anchor>
                    ) : (
                      <Text size="sm" fw={600}>
                        {row.title}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {row.clauses.length === 1 ? 'Clause' : 'Clauses'} {row.clauses.join(', ')}
                    </Text>
                  </Stack>
                  <Group gap="sm" wrap="nowrap">
                    <Held row={row} />
                    {row.heldAs === 'missing' && row.link && (
                      // kept live in its own page (the scope, the inventory...): started there
                      <Button component={Link} to={row.link} size="xs" variant="light" aria-label={`Start the ${row.title}`}>
                        Start
                      </Button>
                    )}
                    {row.heldAs === 'missing' && !row.link && actions && isDocumentType(row.key) && (
                      <Start row={row} actions={actions} />
                    )}
                  </Group>
                </Group>
              ))}
            </Stack>
          </>
        )}
      </QueryState>
    </Paper>
  );
}
