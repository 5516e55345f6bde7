import { Anchor, Badge, Breadcrumbs, Button, Group, NativeSelect, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { useProfile } from '../../organizations';
import { ChangeValue } from '../components/ChangeValue';
import { fieldLabel } from '../components/sections';
import { type ScopeVersion, useScopeCompare, useScopeVersions } from '../hooks/useScope';

const CHANGE_COLORS = { added: 'teal', removed: 'red', changed: 'blue' } as const;

const isVersion = (n: number) => Number.isInteger(n) && n > 0;

/**
 * What changed in the scope between two versions. Opened without two
 * versions (a bare /scope/compare), it asks which two, instead of waiting
 * for a comparison it never requests.
 */
export function ScopeComparePage() {
  const [params] = useSearchParams();
  const from = Number(params.get('from'));
  const to = Number(params.get('to'));
  return isVersion(from) && isVersion(to) && from !== to ? <Comparison from={from} to={to} /> : <ChooseVersions />;
}

function ChooseVersions() {
  const { org } = useOrg();
  const versions = useScopeVersions(org.id);
  return (
    <Stack gap="lg" maw={1200}>
      <Breadcrumbs>
        <Anchor component={Link} to={`/orgs/${org.id}/scope`} size="sm">
          Define scope
        </Anchor>
        <Text size="sm">Compare versions</Text>
      </Breadcrumbs>
      <PageHeader eyebrow="Scope · Clause 4.3" title="Compare scope versions" />
      <Paper withBorder radius="md" p="lg">
        <QueryState query={versions}>
          {({ items }) =>
            items.length < 2 ? (
              <Text size="sm">
                There {items.length === 1 ? 'is one version' : 'are no versions'} of the scope yet: a comparison needs two.{' '}
                <Anchor component={Link} to={`/orgs/${org.id}/scope`} size="sm">
                  Back to the scope
                </Anchor>
              </Text>
            ) : (
              <VersionChoice versions={items} />
            )
          }
        </QueryState>
      </Paper>
    </Stack>
  );
}

function VersionChoice({ versions }: { versions: ScopeVersion[] }) {
  const [, setParams] = useSearchParams();
  const [to, setTo] = useState(String(versions[0].version));
  const [from, setFrom] = useState(String(versions[1].version));
  const options = versions.map((v) => ({ value: String(v.version), label: `Version ${v.version} (${v.status})` }));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setParams({ from, to });
      }}
    >
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label="Compare version"
          data={options}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          w={220}
        />
        <NativeSelect label="with version" data={options} value={to} onChange={(e) => setTo(e.currentTarget.value)} w={220} />
        <Button type="submit" disabled={from === to}>
          Compare
        </Button>
      </Group>
    </form>
  );
}

function Comparison({ from, to }: { from: number; to: number }) {
  const { org } = useOrg();
  const compare = useScopeCompare(org.id, from, to);
  const sites = useProfile(org.id).data?.sites ?? [];

  return (
    <Stack gap="lg" maw={1200}>
      <Breadcrumbs>
        <Anchor component={Link} to={`/orgs/${org.id}/scope`} size="sm">
          Define scope
        </Anchor>
        <Text size="sm">
          Compare {from} and {to}
        </Text>
      </Breadcrumbs>
      <PageHeader
        eyebrow="Scope · Clause 4.3"
        title={`Changes from version ${from} to version ${to}`}
        description={
          <>
            <Anchor component={Link} to={`/orgs/${org.id}/scope/versions/${from}`} size="sm">
              View version {from}
            </Anchor>
            {' · '}
            <Anchor component={Link} to={`/orgs/${org.id}/scope/versions/${to}`} size="sm">
              View version {to}
            </Anchor>
          </>
        }
      />
      <Paper withBorder radius="md" p="md">
        <QueryState query={compare}>
          {({ changes }) =>
            changes.length === 0 ? (
              <Text size="sm" c="dimmed" ta="center" py="lg">
                The two versions have the same content.
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table verticalSpacing="sm" aria-label="Scope changes">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={220}>Field</Table.Th>
                      <Table.Th w={110}>Change</Table.Th>
                      <Table.Th>Version {from}</Table.Th>
                      <Table.Th>Version {to}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {changes.map((c, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: changes have no id and never reorder
                      <Table.Tr key={i}>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {fieldLabel(c.field)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge color={CHANGE_COLORS[c.change]} variant="light" radius="sm">
                            {c.change}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          {c.change === 'added' ? (
                            <Text size="sm" c="dimmed">
                              —
                            </Text>
                          ) : (
                            <ChangeValue field={c.field} value={c.before} sites={sites} />
                          )}
                        </Table.Td>
                        <Table.Td>
                          {c.change === 'removed' ? (
                            <Text size="sm" c="dimmed">
                              —
                            </Text>
                          ) : (
                            <ChangeValue field={c.field} value={c.after} sites={sites} />
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </QueryState>
      </Paper>
    </Stack>
  );
}
