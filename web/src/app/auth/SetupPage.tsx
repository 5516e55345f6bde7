import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { api, unwrap } from '../../shared/api';
import { fieldErrorsOf } from '../../shared/problem';
import { FormError } from '../../shared/ui/FormError';
import { AuthLayout } from './AuthLayout';
import { useAcceptSession, useSetupNeeded } from './session';

/** First run: the first owner account and organization. */
export function SetupPage() {
  const [form, setForm] = useState({ name: '', email: '', password: '', orgName: '' });
  const accept = useAcceptSession();
  const navigate = useNavigate();
  const setup = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/setup', { body: form })),
    onSuccess: (session) => {
      accept(session);
      const org = session.organizations[0];
      navigate(org ? `/orgs/${org.id}/profile` : '/', { replace: true });
    },
  });
  const needed = useSetupNeeded().data?.needed;
  // Setup is done (by someone else, or a reload after it): nothing to do here.
  if (needed === false && !setup.isSuccess) return <Navigate to="/" replace />;

  const errors = fieldErrorsOf(setup.error);
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [key]: value }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setup.mutate();
  };

  return (
    <AuthLayout
      title="Set up OpenAIMS"
      subtitle="Create the first owner account and your organization. You can invite others afterwards."
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Your name"
            autoComplete="name"
            required
            value={form.name}
            onChange={set('name')}
            error={errors.name}
          />
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            required
            value={form.email}
            onChange={set('email')}
            error={errors.email}
          />
          <PasswordInput
            label="Password"
            description="At least 12 characters."
            autoComplete="new-password"
            required
            value={form.password}
            onChange={set('password')}
            error={errors.password}
          />
          <TextInput
            label="Organization name"
            autoComplete="organization"
            required
            value={form.orgName}
            onChange={set('orgName')}
            error={errors.orgName}
          />
          <FormError error={setup.error} placed={['name', 'email', 'password', 'orgName']} title="Setup failed" />
          <Button type="submit" loading={setup.isPending} fullWidth>
            Create account and organization
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
