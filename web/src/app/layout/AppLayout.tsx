import { AppShell, Burger, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type ReactNode, use } from 'react';
import { Link } from 'react-router';
import type { Organization } from '../../shared/api';
import { PageTitleOrgContext } from '../../shared/ui/usePageTitle';
import { useCurrentSession } from '../auth/session';
import { OrgContext } from '../orgs/OrgContext';
import { JourneyNav } from './JourneyNav';
import { Logo } from './Logo';
import { NotificationsBell } from './NotificationsBell';
import { OrgSwitcher } from './OrgSwitcher';
import { UserMenu } from './UserMenu';

/**
 * The signed-in shell: a skip-to-content link, header with organization and
 * account, journey sidebar; pages' titles name the organization.
 */
export function AppLayout({ org, children }: { org?: Organization; children: ReactNode }) {
  const session = useCurrentSession();
  const [opened, { toggle, close }] = useDisclosure();
  // no context while the role's permissions load: show only what every role may use
  const canAudit = use(OrgContext)?.can('audit') ?? false;

  return (
    <PageTitleOrgContext value={org?.name}>
      <AppShell
        header={{ height: 60 }}
        navbar={org ? { width: 272, breakpoint: 'sm', collapsed: { mobile: !opened } } : undefined}
        padding={{ base: 'md', sm: 'xl' }}
      >
        <a href="#main-content" className="skip-link">
          Skip to content
        </a>
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            {/* on a phone the organization's name gives way (truncated), never the account menu */}
            <Group gap="md" wrap="nowrap" className="app-header-start">
              {org && <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />}
              <Link
                to="/"
                className="focus-ring app-home-link"
                style={{ color: 'inherit', textDecoration: 'none', borderRadius: 6 }}
                aria-label="OpenAIMS home"
              >
                <Logo />
              </Link>
              <OrgSwitcher current={org} organizations={session.organizations} />
            </Group>
            <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
              {org && <NotificationsBell orgId={org.id} />}
              <UserMenu session={session} />
            </Group>
          </Group>
        </AppShell.Header>
        {org && (
          <AppShell.Navbar>
            <JourneyNav orgId={org.id} onNavigate={close} canAudit={canAudit} />
          </AppShell.Navbar>
        )}
        <AppShell.Main id="main-content" tabIndex={-1} bg="var(--mantine-color-gray-0)" style={{ outline: 'none' }}>
          {children}
        </AppShell.Main>
      </AppShell>
    </PageTitleOrgContext>
  );
}
