import { Anchor, Group, Switch } from '@mantine/core';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { type Certificate, useSetPublished } from '../hooks/useCertificates';

/** Publish toggle and the public link; read-only for roles that cannot approve. */
export function PublishSwitch({ certificate: c }: { certificate: Certificate }) {
  const { org, can } = useOrg();
  const publish = useSetPublished(org.id);
  return (
    <Group gap="sm" wrap="nowrap">
      <Switch
        aria-label={`Published: ${c.certificateNumber}`}
        label={c.published ? 'Published' : 'Not published'}
        checked={c.published}
        disabled={!can('approve') || publish.isPending || c.archivedAt !== null}
        onChange={(e) => publish.mutate({ id: c.id, published: e.currentTarget.checked })}
      />
      {c.publicPath && (
        <Anchor component={Link} to={c.publicPath} size="sm" target="_blank">
          Public page
        </Anchor>
      )}
    </Group>
  );
}
