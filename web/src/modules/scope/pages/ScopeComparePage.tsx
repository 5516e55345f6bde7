import { Anchor, Breadcrumbs, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { CompareVersionsPicker, VersionChanges } from '../../../shared/versioned';
import { useProfile } from '../../organizations';
import { ChangeValue } from '../components/ChangeValue';
import { fieldLabel } from '../components/sections';
import { useScopeRecord } from '../hooks/useScope';

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

function Crumbs({ here }: { here: string }) {
  const { org } = useOrg();
  return (
    <Breadcrumbs>
      <Anchor component={Link} to={`/orgs/${org.id}/scope`} size="sm">
        Define scope
      </Anchor>
      <Text size="sm">{here}</Text>
    </Breadcrumbs>
  );
}

function ChooseVersions() {
  const { org } = useOrg();
  const versions = useQuery(useScopeRecord(org.id).versions);
  const [, setParams] = useSearchParams();
  return (
    <Stack gap="lg" maw={1200}>
      <Crumbs here="Compare versions" />
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
              <CompareVersionsPicker
                versions={items}
                primary
                onCompare={(from, to) => setParams({ from: String(from), to: String(to) })}
              />
            )
          }
        </QueryState>
      </Paper>
    </Stack>
  );
}

function Comparison({ from, to }: { from: number; to: number }) {
  const { org } = useOrg();
  const compare = useQuery(useScopeRecord(org.id).compare(from, to));
  const sites = useProfile(org.id).data?.sites ?? [];

  return (
    <Stack gap="lg" maw={1200}>
      <Crumbs here={`Compare ${from} and ${to}`} />
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
        <VersionChanges
          query={compare}
          from={from}
          to={to}
          label="Scope changes"
          fieldLabel={fieldLabel}
          value={(c, value) => <ChangeValue field={c.field} value={value} sites={sites} />}
        />
      </Paper>
    </Stack>
  );
}
