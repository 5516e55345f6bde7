import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { formatDate } from '../../../shared/ui/format';
import { StatusBadge } from '../../../shared/ui/PageHeader';
import { useAssessmentsOfSystem } from '../hooks/useImpactAssessments';
import { LevelBadge, ReassessmentBadge } from './LevelBadge';

/** The AI system page's view of its impact assessment: status and reassessment, or a button to start one. */
export function ImpactAssessmentCard({ aiSystemId, archived }: { aiSystemId: string; archived: boolean }) {
  const { org, can } = useOrg();
  const list = useAssessmentsOfSystem(org.id, aiSystemId);
  const base = `/orgs/${org.id}/impact-assessments`;
  const approved = list.data?.find((a) => a.status === 'approved');
  const draft = list.data?.find((a) => a.status === 'draft');
  const current = approved ?? draft;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="impact-title">
      <Title order={2} fz="md" id="impact-title" mb="sm">
        Impact assessment
      </Title>
      {list.isPending ? (
        <Text size="sm" c="dimmed">
          Loading…
        </Text>
      ) : !current ? (
        <Stack gap="sm" align="flex-start">
          <Text size="sm" c="dimmed">
            Not assessed yet: who this system could affect and how (clause 6.1.4).
          </Text>
          {can('write') && !archived && (
            <Button component={Link} to={`${base}/new?aiSystemId=${aiSystemId}`} size="sm">
              Start an impact assessment
            </Button>
          )}
        </Stack>
      ) : (
        <Stack gap={6}>
          <Group gap="xs">
            <StatusBadge status={current.status} />
            <ReassessmentBadge reassessment={current.reassessment} />
          </Group>
          {current.reassessment.reasons.map((r) => (
            <Text key={r} size="xs" c="orange.9">
              {r}
            </Text>
          ))}
          <Text size="sm">
            Highest residual impact: <LevelBadge level={current.highestResidual} />
          </Text>
          {current.approval && <Text size="sm">Approved {formatDate(current.approval.at.slice(0, 10))}</Text>}
          <Anchor component={Link} to={`${base}/${current.id}`} size="sm" fw={600}>
            Open the assessment
          </Anchor>
          {approved && draft && (
            <Anchor component={Link} to={`${base}/${draft.id}/edit`} size="sm">
              Continue the reassessment in draft
            </Anchor>
          )}
          {approved && !draft && approved.reassessment.needed && can('write') && !archived && (
            <Button component={Link} to={`${base}/new?from=${approved.id}`} size="sm" w="fit-content">
              Start a reassessment
            </Button>
          )}
        </Stack>
      )}
    </Paper>
  );
}
