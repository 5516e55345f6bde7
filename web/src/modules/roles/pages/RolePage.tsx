import { Alert, Badge, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { ArchiveAction, RecordHistoryCard, RecordLoader } from '../../../shared/register';
import { BackLink } from '../../../shared/ui/BackLink';
import type { EntryDescription } from '../../../shared/ui/ChangeHistory';
import { Fields } from '../../../shared/ui/Fields';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { SectionCard } from '../../../shared/ui/SectionCard';
import type { AuditEntry } from '../../audit-log';
import { HolderText } from '../components/columns';
import { type Role, useRole, useRoleHistory } from '../hooks/useRoles';
import { FIELD_LABELS, FLAG_LABELS } from '../labels';

const ACTIONS: Record<string, EntryDescription> = {
  create: { title: 'Added', color: 'teal' },
  update: { title: 'Changed', color: 'blue' },
  archive: { title: 'Archived', color: 'gray' },
  restore: { title: 'Restored', color: 'teal' },
};
const describe = (e: AuditEntry): EntryDescription => ACTIONS[e.action] ?? { title: e.action };
// people are stored as { userId, name, email }: the history shows the name
const formatValue = (field: string, value: unknown) =>
  (field === 'holder' || field === 'deputy') && value && typeof value === 'object' && 'name' in value
    ? String((value as { name: string }).name)
    : (field === 'holder' || field === 'deputy') && value === null
      ? 'nobody'
      : null;

function RoleView({ role: r }: { role: Role }) {
  const { org, can } = useOrg();
  const canWrite = can('write');
  const history = useRoleHistory(org.id, r.id);
  const archived = r.archivedAt !== null;
  const page = `/orgs/${org.id}/roles/${r.id}`;
  const warnings = r.flags.filter((f) => f.level === 'warning');

  return (
    <Stack gap="lg">
      <BackLink to={`/orgs/${org.id}/roles`}>Governance roles</BackLink>
      <PageHeader
        eyebrow="Governance role · Clause 5.3"
        title={r.name}
        badge={
          <Group gap="xs">
            {r.vacant && (
              <Badge color="red" variant="filled" radius="sm">
                Vacant
              </Badge>
            )}
            {archived && (
              <Badge color="gray" variant="filled" radius="sm">
                Archived
              </Badge>
            )}
          </Group>
        }
        actions={
          canWrite && (
            <>
              <ArchiveAction
                orgId={org.id}
                register="roles"
                record={r}
                archiveText="Archive a role the organization no longer uses. It leaves the list and the export; its history is kept and it can be restored."
              />
              {!archived && (
                <Button component={Link} to={`${page}/edit`} variant={r.vacant ? 'filled' : 'default'}>
                  {r.vacant ? 'Assign a holder' : 'Edit'}
                </Button>
              )}
            </>
          )
        }
      />
      {warnings.length > 0 && !archived && (
        <Alert color="red" variant="light" title="What an auditor would ask about">
          <Stack gap={2} component="ul" m={0} pl="md">
            {warnings.map((f) => (
              <li key={f.code}>
                <Text size="sm">
                  <strong>{FLAG_LABELS[f.code] ?? f.code}:</strong> {f.message}
                </Text>
              </li>
            ))}
          </Stack>
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <SectionCard title="The role">
            <Fields
              labelWidth={150}
              items={[
                { label: 'Holder', value: <HolderText role={r} /> },
                { label: 'Deputy', value: r.deputy?.name ?? 'None named' },
                { label: 'Responsibilities', value: r.responsibilities },
                { label: 'Authorities', value: r.authorities },
                { label: 'Notes', value: r.notes },
              ]}
            />
          </SectionCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <RecordHistoryCard
            id="role-history-title"
            history={history}
            record={r}
            fieldLabels={FIELD_LABELS}
            describe={describe}
            formatValue={formatValue}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export function RolePage() {
  const { org } = useOrg();
  const { roleId = '' } = useParams();
  return (
    <RecordLoader query={useRole(org.id, roleId)} what="governance role">
      {(data) => <RoleView key={data.id} role={data} />}
    </RecordLoader>
  );
}
