import { Select, Text } from '@mantine/core';

interface Point {
  value: number;
  label: string;
  descriptor: string;
}

/** A point on one of the method's scales, each option with what it means. */
export function RatingSelect({
  label,
  points,
  value,
  onChange,
  error,
}: {
  label: string;
  points: Point[];
  value: number | null;
  onChange: (v: number | null) => void;
  error?: string;
}) {
  const chosen = points.find((p) => p.value === value);
  return (
    <Select
      label={label}
      placeholder="Choose"
      data={points.map((p) => ({ value: String(p.value), label: `${p.value} · ${p.label}` }))}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v === null ? null : Number(v))}
      renderOption={({ option }) => {
        const p = points.find((x) => String(x.value) === option.value);
        return (
          <div>
            <Text size="sm" fw={600}>
              {option.label}
            </Text>
            {p?.descriptor && (
              <Text size="xs" c="dimmed">
                {p.descriptor}
              </Text>
            )}
          </div>
        );
      }}
      description={chosen?.descriptor}
      error={error}
      clearable
      allowDeselect
      comboboxProps={{ width: 360, position: 'bottom-start' }}
    />
  );
}
