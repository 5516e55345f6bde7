import { Alert, Anchor, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { VersionHistoryList } from '../../../shared/versioned';
import { useProfile } from '../../organizations';
import { ScopeEditor } from '../components/ScopeEditor';
import { useScopeRecord, useScopeTemplate } from '../hooks/useScope';

/** Step 1 of the journey: the AIMS scope (4.3) with its context (4.1, 4.2). */
export function ScopePage() {
  const { org } = useOrg();
  const scope = useScopeRecord(org.id);
  const overview = useQuery(scope.overview);
  const versions = useQuery(scope.versions);
  const profile = useProfile(org.id);
  const template = useScopeTemplate();
  const navigate = useNavigate();
  const base = `/orgs/${org.id}/scope`;

  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow="Step 1 of 14 · Clause 4.3"
        title="Define scope"
        description="What the AI management system covers and what it leaves out, with the interested parties (4.2) and issues (4.1) the scope rests on. A realistic scope is easier to implement, to audit and to explain to buyers."
      />
      {profile.data?.sites.length === 0 && (
        <Alert color="blue" variant="light" title="No sites in the profile yet">
          The scope names the sites it covers, chosen from the{' '}
          <Anchor component={Link} to={`/orgs/${org.id}/profile`}>
            organization profile
          </Anchor>
          . Add your sites there first, or continue and add them later.
        </Alert>
      )}
      <QueryState query={template}>
        {(empty) => (
          <QueryState query={overview}>
            {(data) => (
              <ScopeEditor key={org.id} record={scope} overview={data} sites={profile.data?.sites ?? []} empty={empty} />
            )}
          </QueryState>
        )}
      </QueryState>
      <VersionHistoryList
        query={versions}
        what="scope"
        versionHref={(n) => `${base}/versions/${n}`}
        onCompare={(from, to) => navigate(`${base}/compare?from=${from}&to=${to}`)}
      />
    </Stack>
  );
}
