import { Anchor, Badge, Group, Switch } from '@mantine/core';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { type Certificate, useSetPublished } from '../hooks/useCertificates';

/** Publish toggle and the public link; roles that cannot approve see the state only. */
export function PublishSwitch({ certificate: c }: { certificate: Certificate }) {
  const { org, can } = useOrg();
  const publish = useSetPublished(org.id);
  return (
    <Group gap="sm" wrap="nowrap">
      {can('approve') ? (
        <Switch
          aria-label={`Published: ${c.certificateNumber}`}
          label={c.published ? 'Published' : 'Not published'}
          checked={c.published}
          disabled={publish.isPending || c.archivedAt !== null}
          onChange={(e) => publish.mutate({ id: c.id, published: e.currentTarget.checked })}
        />
      ) : (
        <Badge variant="light" color={c.published ? 'blue' : 'gray'} radius="sm">
          {c.published ? 'Published' : 'Not published'}
        </Badge>
      )}
      {c.publicPath && (
        <Anchor component={Link} to={c.publicPath} size="sm" target="_blank">
          Public page
        </Anchor>
      )}
    </Group>
  );
}
