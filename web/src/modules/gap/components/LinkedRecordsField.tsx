import { Anchor, Badge, CloseButton, Group, MultiSelect, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import type { FieldErrorLookup } from '../../../shared/problem';
import type { AnswerLink } from '../hooks/useGap';
import { type LinkType, useLinkOptions } from '../hooks/useLinkOptions';
import { linkKey } from './answerDraft';

interface Props {
  orgId: string;
  value: AnswerLink[];
  onChange: (links: AnswerLink[]) => void;
  errorFor: FieldErrorLookup;
  disabled?: boolean;
}

const GROUPS: [LinkType, string][] = [
  ['ai-system', 'AI systems'],
  ['supplier', 'Suppliers'],
  ['scope', 'Scope versions'],
];
const KIND: Record<LinkType, string> = { 'ai-system': 'AI system', supplier: 'Supplier', scope: 'Scope' };
const gone = (l: AnswerLink) => (l.type === 'scope' ? 'superseded' : 'archived');

/**
 * The organization's records an answer rests on. The search box picks them
 * (grouped by register, searched on the server beyond the first 200); the
 * chips below are the links, each opening the record's page and removable.
 */
export function LinkedRecordsField({ orgId, value, onChange, errorFor, disabled }: Props) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const { options, hrefOf, loading } = useLinkOptions(orgId, q);

  const byKey = new Map<string, AnswerLink>();
  for (const type of Object.keys(options) as LinkType[]) for (const o of options[type]) byKey.set(linkKey(o), o);
  // linked records keep their own labels, and stay choosable when the lists do not hold them (archived, beyond 200)
  for (const l of value) byKey.set(linkKey(l), l);
  const data = GROUPS.map(([type, group]) => {
    const items = options[type].map((o) => ({ value: linkKey(o), label: o.detail ? `${o.label} (${o.detail})` : o.label }));
    for (const l of value)
      if (l.type === type && !items.some((i) => i.value === linkKey(l)))
        items.push({ value: linkKey(l), label: l.archived ? `${l.label} (${gone(l)})` : l.label });
    return { group, items };
  }).filter((g) => g.items.length > 0);

  const problems = value
    .map((l, i) => ({ l, message: errorFor(`links.${i}.id`) }))
    .filter((x): x is { l: AnswerLink; message: string } => !!x.message);
  const bad = new Set(problems.map((x) => linkKey(x.l)));
  const error = [errorFor('links'), ...problems.map((x) => `${x.l.label}: ${x.message}`)].filter(Boolean).join('; ');

  return (
    <Stack gap={6}>
      <MultiSelect
        label="Linked records"
        description="The AI systems, suppliers and approved scope versions this answer rests on."
        placeholder={value.length ? 'Search to link another record' : 'Search AI systems, suppliers, scope versions'}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        data={data}
        value={value.map(linkKey)}
        onChange={(keys) => onChange(keys.map((k) => byKey.get(k)).filter((l): l is AnswerLink => !!l))}
        // the chips below show what is linked, with a way to the record; the input only searches
        renderPill={() => null}
        // so Backspace in the empty search box does not remove a link the input does not show
        onKeyDown={(e) => {
          if (e.key === 'Backspace' && search === '') e.preventDefault();
        }}
        // opening on focus would cover the field's error when a failed save moves focus here
        openOnFocus={false}
        nothingFoundMessage={loading ? 'Loading…' : 'No record of that name'}
        maxValues={100}
        error={error || undefined}
        disabled={disabled}
        comboboxProps={{ withinPortal: true }}
      />
      {value.length === 0 ? (
        <Text size="sm" c="dimmed">
          No linked records.
        </Text>
      ) : (
        <Group
          component="ul"
          aria-label={`${value.length} linked record${value.length === 1 ? '' : 's'}`}
          gap="xs"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {value.map((l) => (
            <Group
              component="li"
              key={linkKey(l)}
              gap={6}
              wrap="nowrap"
              py={2}
              pl="sm"
              pr={disabled ? 'sm' : 4}
              style={{
                border: `1px solid var(--mantine-color-${bad.has(linkKey(l)) ? 'red-6' : 'gray-4'})`,
                borderRadius: 'var(--mantine-radius-xl)',
                opacity: l.archived ? 0.75 : 1,
              }}
            >
              <Anchor component={Link} to={hrefOf(l)} size="sm" underline="hover">
                <Text span size="xs" c="dimmed">
                  {KIND[l.type]} ·{' '}
                </Text>
                {l.label}
              </Anchor>
              {l.archived && (
                <Badge size="xs" color="gray" variant="light">
                  {gone(l)}
                </Badge>
              )}
              {!disabled && (
                <CloseButton
                  size="sm"
                  aria-label={`Remove link to ${l.label}`}
                  onClick={() => onChange(value.filter((x) => linkKey(x) !== linkKey(l)))}
                />
              )}
            </Group>
          ))}
        </Group>
      )}
    </Stack>
  );
}
