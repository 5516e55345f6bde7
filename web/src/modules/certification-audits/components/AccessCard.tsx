import { Badge, Button, Group, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrorLookup } from '../../../shared/problem';
import { ConfirmModal } from '../../../shared/ui/ConfirmModal';
import { FormError } from '../../../shared/ui/FormError';
import { formatDateTime } from '../../../shared/ui/format';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { type CertificationAudit, useAuditAccess, useEndAccess, useGrantAccess } from '../hooks/useCertificationAudits';

/** Who of the body can enter the room, from the audit's first day to the end of its last; admins give and end access. */
export function AccessCard({ orgId, audit }: { orgId: string; audit: CertificationAudit }) {
  const access = useAuditAccess(orgId, audit.id, true);
  const grant = useGrantAccess(orgId, audit.id);
  const end = useEndAccess(orgId, audit.id);
  const [form, setForm] = useState({ email: '', name: '', password: '' });
  const [ending, setEnding] = useState<{ userId: string; name: string } | null>(null);
  const errorFor = fieldErrorLookup(grant.fieldErrors);
  const open = audit.status !== 'cancelled' && !audit.archivedAt;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (grant.isPending || !form.email.trim()) return;
    try {
      await grant.mutateAsync({
        email: form.email.trim(),
        ...(form.name.trim() ? { name: form.name.trim() } : {}),
        ...(form.password ? { password: form.password } : {}),
      });
      setForm({ email: '', name: '', password: '' });
    } catch {
      // shown on the fields and in FormError
    }
  };
  const items = access.data?.items ?? [];
  return (
    <SectionCard
      title="Auditor access"
      description="The body's auditors sign in with the auditor role from 00:00 UTC on the audit's first day until the end of its last day. Changing the audit's dates moves their access with them."
    >
      <Stack gap="sm">
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No auditor has access yet. Add the lead auditor's email below.
          </Text>
        ) : (
          <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Auditors with access">
            {items.map((g) => (
              <Group key={g.userId} component="li" justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={0}>
                  <Text size="sm" fw={600}>
                    {g.name}{' '}
                    <Text span size="sm" c="dimmed">
                      {g.email}
                    </Text>
                  </Text>
                  <Text size="xs" c="dimmed">
                    {g.revokedAt
                      ? `Ended ${formatDateTime(g.revokedAt)}`
                      : `${formatDateTime(g.startsAt)} – ${formatDateTime(g.expiresAt)}`}
                  </Text>
                </Stack>
                <Group gap="xs">
                  <Badge color={g.active ? 'teal' : 'gray'} variant="light">
                    {g.active ? 'Has access now' : g.revokedAt ? 'Ended' : 'Not now'}
                  </Badge>
                  {!g.revokedAt && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => setEnding({ userId: g.userId, name: g.name })}>
                      End access
                    </Button>
                  )}
                </Group>
              </Group>
            ))}
          </Stack>
        )}
        {open && (
          <form onSubmit={submit} aria-label="Give an auditor access">
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput
                  label="Auditor's email"
                  type="email"
                  required
                  value={form.email}
                  onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
                  error={errorFor('email')}
                />
                <TextInput
                  label="Name"
                  description="For a new account"
                  value={form.name}
                  onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
                  error={errorFor('name')}
                />
                <PasswordInput
                  label="Initial password"
                  description="For a new account (12+ characters)"
                  value={form.password}
                  onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
                  error={errorFor('password')}
                />
              </SimpleGrid>
              <FormError error={grant.error} placed={['email', 'name', 'password']} />
              <Group>
                <Button type="submit" loading={grant.isPending} disabled={!form.email.trim()}>
                  Give access
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
      <ConfirmModal
        opened={ending !== null}
        title="End this auditor's access now?"
        confirmLabel="End access"
        busy={end.isPending}
        error={end.error}
        onClose={() => setEnding(null)}
        onConfirm={() => ending && end.mutate(ending.userId, { onSuccess: () => setEnding(null) })}
      >
        <Text size="sm">{ending?.name} can no longer sign in to this organization. Their requests and findings stay.</Text>
      </ConfirmModal>
    </SectionCard>
  );
}
