import { AppShell, Burger, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Organization } from '../../shared/api';
import { useCurrentSession } from '../auth/session';
import { JourneyNav } from './JourneyNav';
import { Logo } from './Logo';
import { OrgSwitcher } from './OrgSwitcher';
import { UserMenu } from './UserMenu';

/** The signed-in shell: header with organization and account, journey sidebar. */
export function AppLayout({ org, children }: { org?: Organization; children: ReactNode }) {
  const session = useCurrentSession();
  const [opened, { toggle, close }] = useDisclosure();

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={org ? { width: 272, breakpoint: 'sm', collapsed: { mobile: !opened } } : undefined}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            {org && <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />}
            <Link
              to="/"
              className="focus-ring"
              style={{ color: 'inherit', textDecoration: 'none', borderRadius: 6 }}
              aria-label="OpenAIMS home"
            >
              <Logo />
            </Link>
            <OrgSwitcher current={org} organizations={session.organizations} />
          </Group>
          <UserMenu session={session} />
        </Group>
      </AppShell.Header>
      {org && (
        <AppShell.Navbar>
          <JourneyNav orgId={org.id} onNavigate={close} />
        </AppShell.Navbar>
      )}
      <AppShell.Main bg="var(--mantine-color-gray-0)">{children}</AppShell.Main>
    </AppShell>
  );
}
