import { Stack, Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { AppLayout } from '../../app/layout/AppLayout';
import { PageHeader } from '../../shared/ui/PageHeader';

const TABS = [
  { path: '/account/password', label: 'Password' },
  { path: '/account/sessions', label: 'Sessions' },
  { path: '/account/tokens', label: 'API tokens' },
  { path: '/account/two-step', label: 'Two-step verification' }, // MFA (issue 16)
];

/** The signed-in user's own account: one header, a tab per page. */
export function AccountLayout({ children }: { children: ReactNode }) {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <AppLayout>
      <Stack maw={960} mx="auto" pt="lg" gap={0}>
        <PageHeader eyebrow="Your account" title="Account security" />
        <Tabs
          value={location.pathname === '/account' ? '/account/password' : location.pathname}
          onChange={(v) => v && navigate(v)}
          mb="lg"
        >
          <Tabs.List>
            {TABS.map((t) => (
              <Tabs.Tab key={t.path} value={t.path}>
                {t.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        {children}
      </Stack>
    </AppLayout>
  );
}
