import { Button, Group, NativeSelect } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { formatDate } from '../../../shared/ui/format';
import type { AssessmentSummary } from '../hooks/useGap';

interface Props {
  orgId: string;
  /** newest first, as the API lists them */
  assessments: AssessmentSummary[];
  from?: string;
  to?: string;
}

/** Picks an earlier and a later assessment to compare. */
export function CompareForm({ orgId, assessments, from, to }: Props) {
  const navigate = useNavigate();
  const [earlier, setEarlier] = useState(from ?? assessments[1]?.id ?? '');
  const [later, setLater] = useState(to ?? assessments[0]?.id ?? '');
  const data = assessments.map((a) => ({ value: a.id, label: `${a.title} · ${formatDate(a.assessmentDate)}` }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/orgs/${orgId}/gap-assessment/compare?from=${earlier}&to=${later}`);
  };
  return (
    <form onSubmit={submit} aria-label="Compare two assessments">
      <Group align="flex-end" gap="md" wrap="wrap">
        <NativeSelect
          label="Earlier assessment"
          data={data}
          value={earlier}
          onChange={(e) => setEarlier(e.currentTarget.value)}
          w={320}
        />
        <NativeSelect
          label="Later assessment"
          data={data}
          value={later}
          onChange={(e) => setLater(e.currentTarget.value)}
          w={320}
        />
        <Button type="submit" variant="default" disabled={!earlier || !later || earlier === later}>
          Compare
        </Button>
      </Group>
    </form>
  );
}
