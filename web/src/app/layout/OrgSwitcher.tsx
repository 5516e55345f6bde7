import { Button, Menu, Text } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';
import type { Organization } from '../../shared/api';
import { ROLE_LABELS } from '../orgs/permissions';

interface Props {
  current: Organization | undefined;
  organizations: Organization[];
}

/** Switches organization and stays on the same kind of page (/orgs/:id/<same>). */
export function OrgSwitcher({ current, organizations }: Props) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const section = current ? pathname.replace(`/orgs/${current.id}`, '').split('/').slice(0, 2).join('/') : '';
  const switchTo = (org: Organization) => navigate(`/orgs/${org.id}${section && section !== '/' ? section : ''}`);

  return (
    <Menu position="bottom-start" width={300} shadow="md">
      <Menu.Target>
        <Button
          variant="default"
          rightSection={<span aria-hidden="true">▾</span>}
          aria-label={`Organization: ${current?.name ?? 'none'}. Switch organization`}
          maw={320}
        >
          <Text size="sm" fw={600} truncate>
            {current?.name ?? 'Choose organization'}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Your organizations</Menu.Label>
        {organizations.map((org) => (
          <Menu.Item
            key={org.id}
            onClick={() => switchTo(org)}
            aria-current={org.id === current?.id ? 'true' : undefined}
            rightSection={
              <Text size="xs" c="dimmed">
                {org.role ? ROLE_LABELS[org.role] : ''}
              </Text>
            }
            fw={org.id === current?.id ? 700 : undefined}
          >
            {org.name}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item onClick={() => navigate('/orgs/new')}>Create organization…</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
