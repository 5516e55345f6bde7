import { Button, Group, Paper, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, type Session, unwrap } from '../../shared/api';
import { fieldErrorsOf } from '../../shared/problem';
import { FormError } from '../../shared/ui/FormError';
import { PageHeader } from '../../shared/ui/PageHeader';
import { sessionKey } from '../auth/session';
import { AppLayout } from '../layout/AppLayout';

export function CreateOrganizationPage() {
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const client = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/orgs', { body: { name, ...(slug.trim() ? { slug: slug.trim() } : {}) } })),
    onSuccess: (org) => {
      // The creator is its owner; add it to the session so the switcher shows it at once.
      client.setQueryData<Session | null>(sessionKey, (s) =>
        s ? { ...s, organizations: [...s.organizations, { ...org, role: org.role ?? 'owner' }] } : s,
      );
      navigate(`/orgs/${org.id}/profile`);
    },
  });
  const errors = fieldErrorsOf(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };

  return (
    <AppLayout>
      <Stack maw={560} mx="auto" pt="lg">
        <PageHeader
          title="Create organization"
          description="Each organization has its own scope, records, members and audit log."
        />
        <Paper withBorder radius="md" p="xl">
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <TextInput
                label="Organization name"
                required
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={errors.name}
              />
              <TextInput
                label="Short name (slug)"
                description="Optional. Lowercase letters, digits and hyphens; made from the name if left empty."
                value={slug}
                onChange={(e) => setSlug(e.currentTarget.value)}
                error={errors.slug}
              />
              <FormError error={create.error} placed={['name', 'slug']} />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => navigate(-1)}>
                  Cancel
                </Button>
                <Button type="submit" loading={create.isPending}>
                  Create organization
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </AppLayout>
  );
}
