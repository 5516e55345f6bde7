import { Anchor, Checkbox, Divider, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { countryName } from '../../../shared/countries';
import type { Site } from '../../organizations';
import { NamedItemsEditor } from './NamedItemsEditor';
import { ScopeSectionCard, type SectionProps } from './ScopeSectionCard';

function SubHeading({ children }: { children: string }) {
  return (
    <Title order={3} fz="sm" fw={650}>
      {children}
    </Title>
  );
}

export function ProductsSitesSection({
  draft,
  onChange,
  errorFor,
  checks,
  disabled,
  sites,
  orgId,
}: SectionProps & { sites: Site[]; orgId: string }) {
  const known = new Set(sites.map((s) => s.id));
  const unknown = draft.siteIds.filter((id) => !known.has(id));
  return (
    <ScopeSectionCard sectionId="scope-products" checks={checks}>
      <Stack gap="xs">
        <SubHeading>Products and services</SubHeading>
        <NamedItemsEditor
          items={draft.productsAndServices}
          onChange={(productsAndServices) => onChange({ productsAndServices })}
          noun="product or service"
          nameLabel="Product or service name"
          descriptionLabel="Product or service description"
          path="productsAndServices"
          errorFor={errorFor}
          disabled={disabled}
          empty="No product or service named yet."
        />
      </Stack>
      <Divider />
      <Stack gap="xs">
        <SubHeading>Departments and teams</SubHeading>
        <NamedItemsEditor
          items={draft.departments}
          onChange={(departments) => onChange({ departments })}
          noun="department or team"
          nameLabel="Department or team name"
          descriptionLabel="Its part in the AI management system"
          path="departments"
          errorFor={errorFor}
          disabled={disabled}
          empty="No department or team named yet. Auditors interview the teams in scope."
        />
      </Stack>
      <Divider />
      <Stack gap="xs">
        <Checkbox.Group
          label="Sites"
          description={
            <>
              Sites come from the{' '}
              <Anchor component={Link} to={`/orgs/${orgId}/profile`} size="xs">
                organization profile
              </Anchor>
              .
            </>
          }
          value={draft.siteIds}
          onChange={(siteIds) => onChange({ siteIds })}
          error={errorFor('siteIds') ?? draft.siteIds.map((_, i) => errorFor(`siteIds.${i}`)).find(Boolean)}
        >
          <Stack gap="xs" mt="xs">
            {sites.length === 0 && (
              <Text size="sm" c="dimmed">
                The profile has no sites yet. Add them there first.
              </Text>
            )}
            {sites.map((site) => (
              <Checkbox
                key={site.id}
                value={site.id}
                label={`${site.name} (${countryName(site.country)})`}
                description={site.address.replace(/\s*\n\s*/g, ', ')}
                disabled={disabled}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        {unknown.length > 0 && (
          <Text size="sm" c="orange.8">
            {unknown.length === 1 ? 'One chosen site is' : `${unknown.length} chosen sites are`} no longer in the profile.{' '}
            {!disabled && (
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => onChange({ siteIds: draft.siteIds.filter((id) => known.has(id)) })}
              >
                Remove from scope
              </Anchor>
            )}
          </Text>
        )}
      </Stack>
    </ScopeSectionCard>
  );
}
