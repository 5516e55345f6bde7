import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { Link, Navigate, useParams } from 'react-router';
import { PageHeader } from '../../shared/ui/PageHeader';
import { NotFoundPage } from '../NotFoundPage';
import { JOURNEY_STEPS, stepPath } from './steps';

/** A journey step this version does not implement yet: said plainly, nothing faked. */
export function NotBuiltPage() {
  const { orgId = '', step: slug } = useParams();
  const step = JOURNEY_STEPS.find((s) => s.slug === slug);
  if (!step) return <NotFoundPage />;
  // a step built since the address was saved goes to its page
  if (step.path) return <Navigate to={stepPath(orgId, step)} replace />;
  const previous = JOURNEY_STEPS[step.number - 2];
  const next = JOURNEY_STEPS[step.number];

  return (
    <Stack gap="lg" maw={760}>
      <PageHeader eyebrow={`Step ${step.number} of ${JOURNEY_STEPS.length}`} title={step.title} description={step.summary} />
      <Alert color="gray" variant="light" title="Not built yet" role="status">
        This step is not built yet in this version of OpenAIMS. There is nothing to record here yet.
      </Alert>
      <Paper withBorder radius="md" p="lg">
        <Text size="sm" fw={600} mb={4}>
          What this step produces
        </Text>
        <Text size="sm" c="dimmed">
          {step.output}
        </Text>
      </Paper>
      <Group justify="space-between">
        {previous ? (
          <Button component={Link} to={stepPath(orgId, previous)} variant="default">
            ← Step {previous.number}: {previous.title}
          </Button>
        ) : (
          <span />
        )}
        {next && (
          <Button component={Link} to={stepPath(orgId, next)} variant="default">
            Step {next.number}: {next.title} →
          </Button>
        )}
      </Group>
    </Stack>
  );
}
