import { Alert, Stack } from '@mantine/core';
import { useOrg } from '../../../app/orgs/OrgContext';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { OrgSettingsForm } from '../components/OrgSettingsForm';
import { ProfileForm } from '../components/ProfileForm';
import { useOrgSettings } from '../../../shared/org/orgData';
import { useProfile } from '../hooks/useProfile';

export function ProfilePage() {
  const { org, can } = useOrg();
  const profile = useProfile(org.id);
  const settings = useOrgSettings(org.id);
  const editable = can('approve');

  return (
    <Stack gap="lg" maw={960}>
      <PageHeader
        eyebrow="Context of the organization"
        title="Organization profile"
        description="Who you are, where you work and which AI roles you play. The scope names these sites, and a certification body uses them to plan audit time."
      />
      {!editable && (
        <Alert color="gray" variant="light" role="status">
          Your role can read the profile but not change it. Owners, admins and editors can edit it.
        </Alert>
      )}
      <QueryState query={profile}>
        {(data) => <ProfileForm key={org.id} orgId={org.id} profile={data} disabled={!editable} />}
      </QueryState>
      <QueryState query={settings}>
        {(data) => <OrgSettingsForm key={org.id} orgId={org.id} settings={data} disabled={!editable} />}
      </QueryState>
    </Stack>
  );
}
