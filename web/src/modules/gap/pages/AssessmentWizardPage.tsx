import { Alert, Grid, Paper, Stack } from '@mantine/core';
import { useRef } from 'react';
import { useSearchParams } from 'react-router';
import { useCurrentSession } from '../../../app/auth/session';
import { useOrg } from '../../../app/orgs/OrgContext';
import { QueryState } from '../../../shared/ui/QueryState';
import { groupRequirements } from '../../catalogue';
import { type Catalogue, useCatalogue } from '../../catalogue';
import { useMembers } from '../../../shared/org/orgData';
import { AssessmentLoader } from '../components/AssessmentLoader';
import { RequirementStep } from '../components/RequirementStep';
import { WizardBar, WizardNav } from '../components/WizardNav';
import type { Assessment } from '../hooks/useGap';
import { matchesFilter, neighbour, parseFilter, type WizardFilter } from '../wizard';

/** The assessment wizard: one requirement at a time, by clause and control objective. */
export function AssessmentWizardPage() {
  const catalogue = useCatalogue();
  return (
    <AssessmentLoader view="answer">
      {(assessment) => <QueryState query={catalogue}>{(data) => <Wizard assessment={assessment} catalogue={data} />}</QueryState>}
    </AssessmentLoader>
  );
}

function Wizard({ assessment, catalogue }: { assessment: Assessment; catalogue: Catalogue }) {
  const { org, can } = useOrg();
  const session = useCurrentSession();
  const members = useMembers(org.id);
  const [params, setParams] = useSearchParams();
  const filter = parseFilter(params.get('filter'));
  const userId = session.user.id;
  const shown = (a: Assessment['answers'][number]) => matchesFilter(a, filter, userId);
  const answers = assessment.answers;
  const byId = new Map(answers.map((a) => [a.requirementId, a]));
  const requirementById = new Map(catalogue.requirements.map((r) => [r.id, r]));

  const asked = params.get('req');
  const currentId = asked && byId.has(asked) ? asked : (answers.find(shown) ?? answers[0]).requirementId;
  const firstId = useRef(currentId);
  const current = byId.get(currentId)!;
  const requirement = requirementById.get(currentId);

  const search = (changes: { req?: string; filter?: WizardFilter }) => {
    const next = new URLSearchParams(params);
    if (changes.req) next.set('req', changes.req);
    if (changes.filter) {
      if (changes.filter === 'all') next.delete('filter');
      else next.set('filter', changes.filter);
    }
    return next;
  };
  const linkTo = (req: string) => `?${search({ req }).toString()}`;

  const readOnly = !can('write')
    ? 'Your role can read this assessment but not answer it.'
    : assessment.status === 'completed'
      ? 'This assessment is completed. Reopen it from its dashboard to change answers.'
      : null;

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <WizardBar
          filter={filter}
          onFilter={(f) => setParams(search({ filter: f }), { replace: true })}
          answered={assessment.answered}
          total={assessment.total}
        />
      </Paper>
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 3 }} className="sticky-aside">
          <WizardNav
            groups={groupRequirements(catalogue.requirements)}
            answers={byId}
            currentId={currentId}
            filter={filter}
            shown={shown}
            linkTo={linkTo}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 9 }}>
          {requirement ? (
            <RequirementStep
              key={currentId}
              orgId={org.id}
              assessmentId={assessment.id}
              requirement={requirement}
              answer={current}
              position={`Requirement ${answers.indexOf(current) + 1} of ${answers.length}${
                filter === 'all' ? '' : ` · ${answers.filter(shown).length} shown by the filter`
              }`}
              previousId={neighbour(answers, currentId, -1, shown)}
              nextId={neighbour(answers, currentId, 1, shown)}
              onGo={(req) => setParams(search({ req }))}
              members={members.data?.items ?? []}
              userId={userId}
              readOnly={readOnly}
              focusHeading={currentId !== firstId.current}
            />
          ) : (
            <Alert color="red" variant="light" title="Not in the catalogue">
              {currentId} is not in catalogue {catalogue.version}; this assessment was made on {assessment.catalogueVersion}.
            </Alert>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
