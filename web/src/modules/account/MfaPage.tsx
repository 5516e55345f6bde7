import { Alert, Stack } from '@mantine/core';
import { useState } from 'react';
import { QueryState } from '../../shared/ui/QueryState';
import { AccountLayout } from './AccountLayout';
import { EnabledCard } from './mfa/EnabledCard';
import { EnrolCard } from './mfa/EnrolCard';
import { OrgPolicies } from './mfa/OrgPolicies';
import { RecoveryCodes } from './mfa/RecoveryCodes';
import { useMfaStatus } from './mfa/useMfa';

/** Two-step verification: your authenticator app, recovery codes, and the organizations that require it. */
export function MfaPage() {
  const status = useMfaStatus();
  const [codes, setCodes] = useState<string[] | null>(null);
  return (
    <AccountLayout>
      <Stack gap="lg">
        {codes && <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />}
        <QueryState query={status}>
          {(s) => (
            <Stack gap="lg">
              {!s.enabled && s.requiredBy.length > 0 && (
                <Alert color="orange" variant="light" title="Required by your organization" role="alert">
                  {s.requiredBy.map((o) => o.name).join(', ')} require{s.requiredBy.length === 1 ? 's' : ''} two-step
                  verification: set it up below to reach {s.requiredBy.length === 1 ? 'it' : 'them'} again.
                </Alert>
              )}
              {s.enabled ? <EnabledCard status={s} onNewCodes={setCodes} /> : <EnrolCard onEnabled={setCodes} />}
            </Stack>
          )}
        </QueryState>
        <OrgPolicies />
      </Stack>
    </AccountLayout>
  );
}
