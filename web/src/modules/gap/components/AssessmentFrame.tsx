import { Badge, Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { BackLink } from '../../../shared/ui/BackLink';
import { DownloadButton } from '../../../shared/ui/DownloadButton';
import { formatDate } from '../../../shared/ui/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type AssessmentSummary, REPORT_DOWNLOADS, reportUrl } from '../hooks/useGap';

export type AssessmentView = 'dashboard' | 'answer' | 'actions';

const VIEWS: { view: AssessmentView; label: string; path: string }[] = [
  { view: 'dashboard', label: 'Dashboard', path: '' },
  { view: 'answer', label: 'Answer requirements', path: '/answer' },
  { view: 'actions', label: 'Action plan', path: '/actions' },
];

interface Props {
  orgId: string;
  assessment: AssessmentSummary;
  view: AssessmentView;
  children: ReactNode;
}

/** The heading every page of one assessment shares: what it is, its three views, its report downloads. */
export function AssessmentFrame({ orgId, assessment: a, view, children }: Props) {
  const base = `/orgs/${orgId}/gap-assessment/${a.id}`;
  return (
    <Stack gap="md">
      <BackLink to={`/orgs/${orgId}/gap-assessment`}>Gap assessments</BackLink>
      <PageHeader
        eyebrow="Step 2 of 14 · Gap assessment"
        title={a.title}
        badge={
          <Badge color={a.status === 'completed' ? 'teal' : 'yellow'} variant="light" radius="sm">
            {a.status === 'completed' ? 'completed' : 'in progress'}
          </Badge>
        }
        description={`${formatDate(a.assessmentDate)} · assessor ${a.assessor} · catalogue ${a.catalogueVersion} · ${a.answered} of ${a.total} answered`}
        actions={REPORT_DOWNLOADS.map((r) => (
          <DownloadButton key={r.format} href={reportUrl(orgId, a.id, r.format)} variant="default">
            {r.label}
          </DownloadButton>
        ))}
      />
      <Group component="nav" aria-label="Assessment views" gap="xs" mt={-8}>
        {VIEWS.map((v) => (
          <Button
            key={v.view}
            component={Link}
            to={`${base}${v.path}`}
            variant={v.view === view ? 'light' : 'subtle'}
            color={v.view === view ? 'brand' : 'gray'}
            aria-current={v.view === view ? 'page' : undefined}
            size="sm"
          >
            {v.label}
          </Button>
        ))}
      </Group>
      {children}
    </Stack>
  );
}
