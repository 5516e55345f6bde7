import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Schemas } from '../../../shared/api';
import { formatDateTime } from '../../../shared/ui/format';
import { FormError } from '../../../shared/ui/FormError';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { usePublish, useUnpublish } from '../hooks/useTrust';

type TrustPageState = Schemas['BuyerAnswers']['trustPage'];

/** A suggested address from the organization's name: lowercase words joined by hyphens. */
const suggest = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);

export function PublishCard({
  orgId,
  orgName,
  page,
  canPublish,
}: {
  orgId: string;
  orgName: string;
  page: TrustPageState;
  canPublish: boolean;
}) {
  const [slug, setSlug] = useState(page?.slug ?? suggest(orgName));
  const publish = usePublish(orgId);
  const unpublish = useUnpublish(orgId);
  const url = page ? `${window.location.origin}${page.path}` : null;
  return (
    <SectionCard
      title="Trust page"
      description="A public page with these answers as they read when you publish, your certificate's verification link and the date. Nothing else of your organization is shown. Publish again after editing to update it."
    >
      {page?.published && url ? (
        <Alert color="teal" variant="light" title="Published">
          <Stack gap={4}>
            <Anchor
              href={page.path}
              target="_blank"
              rel="noreferrer"
              data-testid="public-link"
              style={{ wordBreak: 'break-all' }}
            >
              {url}
            </Anchor>
            <Text size="xs" c="dimmed">
              Published {formatDateTime(page.publishedAt)}
              {page.publishedBy ? ` by ${page.publishedBy}` : ''}.
            </Text>
          </Stack>
        </Alert>
      ) : (
        <Text size="sm">
          {page
            ? `Not published. The address /trust/${page.slug} stays yours.`
            : 'Not published yet. Choose an address and publish when the answers read well.'}
        </Text>
      )}
      {canPublish ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            publish.mutate({ slug });
          }}
        >
          <Stack gap="sm">
            <TextInput
              label="Address"
              description="Lowercase letters, digits and hyphens"
              leftSection={<Text size="xs">/trust/</Text>}
              leftSectionWidth={56}
              value={slug}
              onChange={(e) => setSlug(e.currentTarget.value)}
              error={publish.errorFor('body.slug')}
            />
            <FormError error={publish.error} placed={['body.slug']} title="Not published" />
            <Group gap="sm">
              <Button type="submit" loading={publish.isPending}>
                {page?.published ? 'Publish again' : 'Publish'}
              </Button>
              {page?.published && (
                <Button variant="default" color="red" loading={unpublish.isPending} onClick={() => unpublish.mutate()}>
                  Unpublish
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      ) : (
        <Text size="sm" c="dimmed">
          Publishing needs a role that may approve.
        </Text>
      )}
    </SectionCard>
  );
}
