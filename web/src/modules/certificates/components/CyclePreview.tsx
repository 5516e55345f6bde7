import { Fields } from '../../../shared/ui/Fields';
import { formatDate } from '../../../shared/ui/format';
import type { Decision } from '../hooks/useCertificates';
import { CYCLE_OUTCOME_LABELS } from '../labels';

type Cycle = NonNullable<Decision['cycle']>;

/** The dates a grant starts: validity, the two surveillance audits, the recertification decision. */
export function CyclePreview({ cycle }: { cycle: Cycle }) {
  return (
    <Fields
      labelWidth={220}
      items={[
        { label: 'Cycle', value: CYCLE_OUTCOME_LABELS[cycle.outcome] },
        { label: 'Valid from', value: formatDate(cycle.validFrom) },
        { label: 'Expires', value: formatDate(cycle.expiry) },
        ...cycle.surveillance.map((s) => ({ label: `Surveillance audit ${s.number} by`, value: formatDate(s.dueBy) })),
        { label: 'Recertification decision by', value: formatDate(cycle.recertificationDecisionBy) },
        ...(cycle.majorNonconformityVerifyBy
          ? [{ label: 'Stage 2 majors verified by', value: formatDate(cycle.majorNonconformityVerifyBy) }]
          : []),
        ...(cycle.uncertified
          ? [
              {
                label: 'Not certified between',
                value: `${formatDate(cycle.uncertified.from)} and ${formatDate(cycle.uncertified.to)}`,
              },
            ]
          : []),
      ]}
    />
  );
}
