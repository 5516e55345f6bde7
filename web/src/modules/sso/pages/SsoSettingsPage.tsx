import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useOrg } from '../../../app/orgs/OrgContext';
import { type Member, useMembers } from '../../../shared/org/orgData';
import { fieldErrorsOf } from '../../../shared/problem';
import { ConfirmModal } from '../../../shared/ui/ConfirmModal';
import { FormError } from '../../../shared/ui/FormError';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import {
  type SsoSettings,
  type SsoSettingsInput,
  useRemoveSso,
  useSaveSsoSettings,
  useSsoSettings,
} from '../hooks/useSsoSettings';

const ROLES = [
  { value: 'viewer', label: 'Viewer' },
  { value: 'contributor', label: 'Contributor' },
  { value: 'editor', label: 'Editor' },
  { value: 'admin', label: 'Admin' },
];
const PLACED = ['issuer', 'clientId', 'clientSecret', 'allowedDomains', 'defaultRole', 'enforce', 'breakGlassUserId'];

export function SsoSettingsPage() {
  const { org } = useOrg();
  const settings = useSsoSettings(org.id);
  const members = useMembers(org.id);
  return (
    <Stack gap="lg" maw={800}>
      <PageHeader
        eyebrow="Organization"
        title="Single sign-on"
        description="Let members sign in with your identity provider (OpenID Connect). People whose verified work email is in one of your domains become members on their first sign-in."
      />
      <QueryState query={settings}>
        {(s) => (
          <QueryState query={members}>
            {(m) => <SsoForm key={s.updatedAt ?? 'new'} settings={s} owners={m.items.filter((x) => x.role === 'owner')} />}
          </QueryState>
        )}
      </QueryState>
    </Stack>
  );
}

function SsoForm({ settings, owners }: { settings: SsoSettings; owners: Member[] }) {
  const { org, role } = useOrg();
  const save = useSaveSsoSettings(org.id);
  const remove = useRemoveSso(org.id);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [issuer, setIssuer] = useState(settings.issuer ?? '');
  const [clientId, setClientId] = useState(settings.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [domains, setDomains] = useState<string[]>(settings.allowedDomains);
  const [defaultRole, setDefaultRole] = useState<string>(settings.defaultRole);
  const [enforce, setEnforce] = useState(settings.enforce);
  const [breakGlass, setBreakGlass] = useState<string | null>(settings.breakGlassUserId);
  const isOwner = role === 'owner';
  // enforcement, and any change while it is on, is an owner's call (the server says so too)
  const locked = settings.enforce && !isOwner;
  const errors = fieldErrorsOf(save.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: SsoSettingsInput = {
      issuer: issuer.trim(),
      clientId: clientId.trim(),
      allowedDomains: domains,
      defaultRole: defaultRole as SsoSettingsInput['defaultRole'],
      enforce,
      breakGlassUserId: breakGlass,
      // empty: keep the stored secret
      ...(clientSecret ? { clientSecret } : {}),
    };
    save.mutate(body, { onSuccess: () => setClientSecret('') });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {locked && (
          <Alert color="yellow" variant="light" title="Enforced">
            Single sign-on is enforced: only an owner can change these settings.
          </Alert>
        )}
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Text size="sm">
              Register this redirect URI with your identity provider: <Code>{settings.redirectUri}</Code>{' '}
              <CopyButton value={settings.redirectUri}>
                {({ copied, copy }) => (
                  <Button size="compact-xs" variant="subtle" onClick={copy}>
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
            </Text>
            <TextInput
              label="Issuer URL"
              description="Checked when you save: the provider's discovery document must answer."
              placeholder="https://login.example.com/realms/acme"
              required
              disabled={locked}
              value={issuer}
              onChange={(e) => setIssuer(e.currentTarget.value)}
              error={errors.issuer}
            />
            <TextInput
              label="Client ID"
              required
              disabled={locked}
              value={clientId}
              onChange={(e) => setClientId(e.currentTarget.value)}
              error={errors.clientId}
            />
            <PasswordInput
              label="Client secret"
              description={settings.hasSecret ? 'A secret is stored; it is never shown. Leave empty to keep it.' : undefined}
              autoComplete="off"
              disabled={locked}
              value={clientSecret}
              onChange={(e) => setClientSecret(e.currentTarget.value)}
              error={errors.clientSecret}
            />
            <TagsInput
              label="Allowed email domains"
              description="Press Enter after each. A domain can belong to one organization only."
              placeholder="example.com"
              required
              disabled={locked}
              value={domains}
              onChange={(v) => setDomains(v.map((d) => d.trim().toLowerCase()))}
              error={errors.allowedDomains ?? Object.entries(errors).find(([k]) => k.startsWith('allowedDomains.'))?.[1]}
            />
            <Select
              label="Role of people added on first sign-in"
              data={ROLES}
              allowDeselect={false}
              disabled={locked}
              value={defaultRole}
              onChange={(v) => v && setDefaultRole(v)}
              error={errors.defaultRole}
            />
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Switch
              label="Require single sign-on for members (password sign-in refused)"
              description={isOwner ? undefined : 'Only an owner can turn this on or off.'}
              disabled={!isOwner}
              checked={enforce}
              onChange={(e) => setEnforce(e.currentTarget.checked)}
              error={errors.enforce}
            />
            <Select
              label="Break-glass owner"
              description="An owner who may still sign in with a password if the provider is down. Required when single sign-on is required."
              data={owners.map((o) => ({ value: o.userId, label: `${o.name} (${o.email})` }))}
              clearable
              disabled={!isOwner}
              value={breakGlass}
              onChange={setBreakGlass}
              error={errors.breakGlassUserId}
            />
          </Stack>
        </Paper>
        <FormError error={save.error} placed={PLACED} />
        <Group justify="space-between">
          {settings.configured ? (
            <Button variant="subtle" color="red" disabled={locked} onClick={() => setConfirmRemove(true)}>
              Remove single sign-on
            </Button>
          ) : (
            <span />
          )}
          <Button type="submit" loading={save.isPending} disabled={locked}>
            Save
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirmRemove}
        title="Remove single sign-on?"
        confirmLabel="Remove"
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => setConfirmRemove(false) })}
        onClose={() => setConfirmRemove(false)}
      >
        Members will sign in with their passwords again, and your email domains are released. People added by single sign-on have
        no password until an admin resets it.
      </ConfirmModal>
    </form>
  );
}
