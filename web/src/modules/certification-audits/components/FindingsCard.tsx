import { Alert, Anchor, Badge, Button, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { fieldErrorLookup } from '../../../shared/problem';
import { FormError } from '../../../shared/ui/FormError';
import { formatDate, formatDateTime, options } from '../../../shared/ui/format';
import { SectionCard } from '../../../shared/ui/SectionCard';
import { useCatalogue } from '../../catalogue';
import { type CertificationAudit, useAuditFindings, useRecordFinding } from '../hooks/useCertificationAudits';
import { type FindingGrade, GRADE_LABELS, NC_STATUS_LABELS } from '../labels';
import { GradeBadge } from './Badges';

const NC_GRADES: FindingGrade[] = ['major', 'minor'];

/** Graded findings: majors and minors open nonconformities, observations and opportunities go to the improvement log. */
export function FindingsCard({ orgId, audit, canRoom }: { orgId: string; audit: CertificationAudit; canRoom: boolean }) {
  const findings = useAuditFindings(orgId, audit.id);
  const record = useRecordFinding(orgId, audit.id);
  const catalogue = useCatalogue();
  const [form, setForm] = useState<{ grade: FindingGrade; requirementId: string | null; statement: string; evidence: string }>({
    grade: 'minor',
    requirementId: null,
    statement: '',
    evidence: '',
  });
  const errorFor = fieldErrorLookup(record.fieldErrors);
  const items = findings.data?.items ?? [];
  const live = audit.status !== 'cancelled' && !audit.archivedAt;
  const needsRequirement = NC_GRADES.includes(form.grade);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (record.isPending || !form.statement.trim()) return;
    try {
      await record.mutateAsync({
        grade: form.grade,
        requirementId: form.requirementId,
        statement: form.statement.trim(),
        evidence: form.evidence.trim(),
      });
      setForm({ grade: form.grade, requirementId: null, statement: '', evidence: '' });
    } catch {
      // shown on the fields
    }
  };
  return (
    <SectionCard
      title="Findings"
      description={`${audit.counts.openFindings} major or minor with a nonconformity still open · ${audit.counts.findings} in all`}
    >
      <Stack gap="sm">
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No findings recorded. The auditors record each one here with its grade; a major or minor finding opens a nonconformity
            for you to correct.
          </Text>
        ) : (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Findings">
            {items.map((f) => (
              <Paper key={f.id} withBorder p="sm" component="li" aria-label={`${f.number} ${GRADE_LABELS[f.grade]}`}>
                <Stack gap={6}>
                  <Group gap="xs" wrap="wrap">
                    <Text fw={600} size="sm">
                      {f.number}
                    </Text>
                    <GradeBadge grade={f.grade} />
                    {f.requirementId && (
                      <Badge variant="outline" color="gray" radius="sm">
                        {f.requirementId}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {f.statement}
                  </Text>
                  {f.evidence && (
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                      Evidence: {f.evidence}
                    </Text>
                  )}
                  {f.gradeNote && (
                    <Text size="xs" c="orange.9">
                      {f.gradeNote}
                    </Text>
                  )}
                  <Group gap="xs" wrap="wrap">
                    {f.nonconformity && (
                      <Anchor component={Link} to={`/orgs/${orgId}/nonconformities/${f.nonconformity.id}`} size="sm">
                        {f.nonconformity.number}
                      </Anchor>
                    )}
                    {f.nonconformity && (
                      <Badge color={f.nonconformity.closed ? 'teal' : 'yellow'} variant="light" size="sm">
                        {f.nonconformity.closed
                          ? `Closed ${formatDate(f.nonconformity.closedOn)}`
                          : (NC_STATUS_LABELS[f.nonconformity.status] ?? f.nonconformity.status)}
                      </Badge>
                    )}
                    {f.improvementId && (
                      <Anchor component={Link} to={`/orgs/${orgId}/improvements/${f.improvementId}`} size="sm">
                        In the improvement log
                      </Anchor>
                    )}
                    <Text size="xs" c="dimmed">
                      {f.raisedBy} · {formatDateTime(f.createdAt)}
                    </Text>
                  </Group>
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
        {canRoom && live && (
          <form onSubmit={submit} aria-label="Record a finding">
            <Stack gap="sm">
              <Group grow align="flex-start" wrap="wrap">
                <Select
                  label="Grade"
                  data={options(GRADE_LABELS)}
                  value={form.grade}
                  allowDeselect={false}
                  onChange={(v) => v && setForm({ ...form, grade: v as FindingGrade })}
                  error={errorFor('grade')}
                  miw={200}
                />
                <Select
                  label="Requirement"
                  required={needsRequirement}
                  searchable
                  clearable
                  placeholder="Clause or control"
                  data={(catalogue.data?.requirements ?? []).map((r) => ({ value: r.id, label: `${r.id} ${r.title}` }))}
                  value={form.requirementId}
                  onChange={(v) => setForm({ ...form, requirementId: v })}
                  error={errorFor('requirementId')}
                  miw={200}
                  comboboxProps={{ withinPortal: true }}
                />
              </Group>
              <Textarea
                label="Statement"
                required
                autosize
                minRows={2}
                value={form.statement}
                onChange={(e) => setForm({ ...form, statement: e.currentTarget.value })}
                error={errorFor('statement')}
              />
              <Textarea
                label="Evidence"
                autosize
                minRows={1}
                value={form.evidence}
                onChange={(e) => setForm({ ...form, evidence: e.currentTarget.value })}
                error={errorFor('evidence')}
              />
              {needsRequirement && (
                <Alert variant="light" color="gray" p="xs">
                  A {form.grade} finding opens a nonconformity in the organization's register, with deadlines from its grade
                  scale.
                </Alert>
              )}
              <FormError error={record.error} placed={['grade', 'requirementId', 'statement', 'evidence']} />
              <Group>
                <Button type="submit" loading={record.isPending} disabled={!form.statement.trim()}>
                  Record finding
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </SectionCard>
  );
}
