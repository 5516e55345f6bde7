import { SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { FieldErrorLookup } from '../../../shared/problem';
import { CountrySelect } from '../../../shared/ui/CountrySelect';
import { RepeatableList } from '../../../shared/ui/RepeatableList';
import { emptySite, type SiteDraft } from './profileForm';

interface Props {
  sites: SiteDraft[];
  onChange: (sites: SiteDraft[]) => void;
  errorFor: FieldErrorLookup;
  disabled?: boolean;
}

export function SitesEditor({ sites, onChange, errorFor, disabled }: Props) {
  const update = (index: number, patch: Partial<SiteDraft>) =>
    onChange(sites.map((s, i) => (i === index ? { ...s, ...patch } : s)));

  return (
    <RepeatableList
      items={sites}
      itemKey={(s) => s.key}
      noun="site"
      itemTitle={(s) => s.name}
      empty="No sites yet. A certificate lists the sites it covers: add at least your main office."
      disabled={disabled}
      onAdd={() => onChange([...sites, emptySite()])}
      onRemove={(index) => onChange(sites.filter((_, i) => i !== index))}
      renderItem={(site, i) => (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label="Site name"
              required
              value={site.name}
              onChange={(e) => update(i, { name: e.currentTarget.value })}
              error={errorFor(`sites.${i}.name`)}
              disabled={disabled}
            />
            <CountrySelect
              label="Site country"
              required
              value={site.country}
              onChange={(country) => update(i, { country })}
              error={errorFor(`sites.${i}.country`)}
              disabled={disabled}
            />
          </SimpleGrid>
          <Textarea
            label="Site address"
            required
            autosize
            minRows={2}
            value={site.address}
            onChange={(e) => update(i, { address: e.currentTarget.value })}
            error={errorFor(`sites.${i}.address`)}
            disabled={disabled}
          />
        </Stack>
      )}
    />
  );
}
