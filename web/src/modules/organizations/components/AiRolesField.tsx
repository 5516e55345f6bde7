import { Checkbox, SimpleGrid } from '@mantine/core';
import { AI_ROLE_OPTIONS, type AiRole } from './profileForm';

interface Props {
  value: AiRole[];
  onChange: (roles: AiRole[]) => void;
  error?: string;
  disabled?: boolean;
}

/** The organization's AI roles (ISO/IEC 22989 5.19); several can apply at once. */
export function AiRolesField({ value, onChange, error, disabled }: Props) {
  return (
    <Checkbox.Group
      label="AI roles"
      description="Which roles your organization plays for AI (ISO/IEC 22989). Tick all that apply."
      value={value}
      onChange={(v) => onChange(AI_ROLE_OPTIONS.map((o) => o.value).filter((r) => v.includes(r)))}
      error={error}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="xs">
        {AI_ROLE_OPTIONS.map((o) => (
          <Checkbox key={o.value} value={o.value} label={o.label} description={o.description} disabled={disabled} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
