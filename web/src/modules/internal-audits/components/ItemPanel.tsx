import {
  Alert,
  Anchor,
  Badge,
  Button,
  CloseButton,
  Group,
  List,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useHotkeys, useMediaQuery } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { versionTag } from '../../../shared/register';
import { ConflictDialog } from '../../../shared/ui/ConflictDialog';
import { FormError } from '../../../shared/ui/FormError';
import { useDirty } from '../../../shared/ui/useLeaveGuard';
import { type AuditItem, useRaiseImprovement, useUpdateItem } from '../hooks/useInternalAudits';
import { AREA_KIND_LABELS, type ItemResult, RESULT_SHORT, recordHref } from '../labels';
import { RaiseNonconformity } from './RaiseNonconformity';
import { type PickedRecord, RecordPicker } from './RecordPicker';

const EVIDENCE_KINDS = ['evidence', 'document', 'ai-system', 'risk', 'control', 'role'] as const;

interface Draft {
  result: ItemResult | null;
  evidence: PickedRecord[];
  notes: string;
}
const draftOf = (i: AuditItem): Draft => ({
  result: i.result,
  evidence: i.evidence.map((e) => ({ type: e.type, id: e.id, label: e.label })),
  notes: i.notes,
});
const bodyOf = (d: Draft) => ({
  result: d.result,
  evidence: d.evidence.map(({ type, id }) => ({ type: type as (typeof EVIDENCE_KINDS)[number], id })),
  notes: d.notes,
});

/**
 * One checklist item during the audit: what OpenAIMS held when the audit
 * started, what to sample, the result, the evidence reviewed and notes.
 * Saved with If-Match (two auditors on one audit learn of each other's
 * change); moving to another item saves first.
 */
export function ItemPanel({
  orgId,
  auditId,
  item,
  readOnly,
  onPrev,
  onNext,
}: {
  orgId: string;
  auditId: string;
  item: AuditItem;
  readOnly: boolean;
  onPrev: (() => void) | null;
  onNext: (() => void) | null;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(item));
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const { dirty, markClean } = useDirty(draft, !readOnly);
  const versionRef = useRef(versionTag(item.updatedAt));
  const [kind, setKind] = useState<string>('evidence');
  const update = useUpdateItem(orgId, auditId, {
    mine: (vars) => vars.body,
    theirs: (current) => bodyOf(draftOf(current as AuditItem)),
    onReload: (current, etag) => {
      versionRef.current = etag;
      const next = draftOf(current as AuditItem);
      setDraft(next);
      markClean(next);
    },
    onOverwritten: (saved) => {
      versionRef.current = versionTag(saved.updatedAt);
      markClean();
    },
  });
  const improvement = useRaiseImprovement(orgId, auditId);
  const narrow = useMediaQuery('(max-width: 40em)');

  /** Saves when there is something to save; false when the save failed (the problem shows). */
  const save = async (): Promise<boolean> => {
    if (readOnly || !dirty) return true;
    if (update.isPending) return false;
    try {
      const saved = await update.mutateAsync({ itemId: item.id, body: bodyOf(draft), ifMatch: versionRef.current });
      versionRef.current = versionTag(saved.updatedAt);
      markClean();
      return true;
    } catch {
      return false;
    }
  };
  const go = (to: (() => void) | null) => async () => {
    if (to && (await save())) to();
  };
  useHotkeys(
    [
      ['mod+Enter', () => void save()],
      ['alt+ArrowDown', () => void go(onNext)()],
      ['alt+ArrowUp', () => void go(onPrev)()],
    ],
    [],
  );

  const savedResult = item.result;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="item-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Text size="xs" c="dimmed" fw={700} tt="uppercase">
              Item {item.position} · {item.kind === 'topic' ? 'Standing topic' : 'Requirement in scope'}
            </Text>
            <Title order={2} fz="lg" id="item-title">
              {item.title}
            </Title>
          </Stack>
          {dirty && !readOnly && (
            <Badge color="yellow" variant="light">
              Not saved
            </Badge>
          )}
        </Group>

        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Facts seen when the audit started
          </Text>
          <List size="sm" spacing={2}>
            {item.facts.map((f) => (
              <List.Item key={f}>{f}</List.Item>
            ))}
          </List>
        </Stack>

        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Records to sample
          </Text>
          <Text size="sm">{item.sample.text}</Text>
          {item.sample.links.length > 0 && (
            <Group gap="xs">
              {item.sample.links.map((l) => {
                const href = recordHref(orgId, l.type, l.id);
                return href ? (
                  <Anchor key={`${l.type}:${l.id}`} component={Link} to={href} size="sm" target="_blank">
                    {l.label}
                  </Anchor>
                ) : (
                  <Text key={`${l.type}:${l.id}`} size="sm">
                    {l.label}
                  </Text>
                );
              })}
            </Group>
          )}
        </Stack>

        <Stack gap={4}>
          <Text size="sm" fw={600} id="result-label">
            Result
          </Text>
          <SegmentedControl
            aria-labelledby="result-label"
            disabled={readOnly}
            value={draft.result ?? 'none'}
            onChange={(v) => set('result', v === 'none' ? null : (v as ItemResult))}
            data={[
              { value: 'none', label: 'No result', disabled: !!item.nonconformity },
              ...(Object.keys(RESULT_SHORT) as ItemResult[]).map((r) => ({
                value: r,
                label: RESULT_SHORT[r],
                // a raised nonconformity keeps its item a nonconformity
                disabled: !!item.nonconformity && r !== 'nonconformity',
              })),
            ]}
            orientation={narrow ? 'vertical' : 'horizontal'}
            fullWidth
          />
        </Stack>

        <Stack gap="xs">
          <Text size="sm" fw={600}>
            Evidence reviewed
          </Text>
          {draft.evidence.length > 0 ? (
            <Group gap="xs">
              {draft.evidence.map((e) => {
                const href = recordHref(orgId, e.type, e.id);
                return (
                  <Badge
                    key={`${e.type}:${e.id}`}
                    variant="light"
                    color="gray"
                    tt="none"
                    rightSection={
                      !readOnly && (
                        <CloseButton
                          size="xs"
                          aria-label={`Remove ${e.label}`}
                          onClick={() =>
                            set(
                              'evidence',
                              draft.evidence.filter((x) => x !== e),
                            )
                          }
                        />
                      )
                    }
                  >
                    {AREA_KIND_LABELS[e.type] ?? e.type}:{' '}
                    {href ? (
                      <Anchor component={Link} to={href} size="xs" target="_blank">
                        {e.label}
                      </Anchor>
                    ) : (
                      e.label
                    )}
                  </Badge>
                );
              })}
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              None linked yet.
            </Text>
          )}
          {!readOnly && (
            <Group align="flex-end" gap="xs" wrap="wrap">
              <Select
                label="Kind of record"
                w={170}
                allowDeselect={false}
                value={kind}
                onChange={(v) => v && setKind(v)}
                data={EVIDENCE_KINDS.map((k) => ({ value: k, label: AREA_KIND_LABELS[k] }))}
                comboboxProps={{ withinPortal: true }}
              />
              <RecordPicker
                key={kind}
                style={{ flex: 1, minWidth: 200 }}
                orgId={orgId}
                type={kind}
                label="Add records reviewed"
                placeholder="Search"
                value={draft.evidence.filter((e) => e.type === kind)}
                onChange={(v) => set('evidence', [...draft.evidence.filter((e) => e.type !== kind), ...v])}
              />
            </Group>
          )}
        </Stack>

        <Textarea
          label="Notes"
          description="What was asked, seen and concluded. For a nonconformity this becomes its description."
          value={draft.notes}
          onChange={(e) => set('notes', e.currentTarget.value)}
          autosize
          minRows={4}
          readOnly={readOnly}
          error={update.errorFor('notes')}
        />

        <FormError error={update.conflict ? null : update.error} placed={['notes']} />

        {savedResult === 'nonconformity' && !dirty && (
          <RaiseNonconformity orgId={orgId} auditId={auditId} item={item} readOnly={readOnly} />
        )}
        {(savedResult === 'observation' || savedResult === 'opportunity') && !dirty && (
          <Alert color="blue" variant="light" title="Improvement log">
            {item.improvementId ? (
              <Anchor component={Link} to={`/orgs/${orgId}/improvements/${item.improvementId}`} size="sm">
                Logged in the improvement log
              </Anchor>
            ) : readOnly ? (
              <Text size="sm">Not logged.</Text>
            ) : (
              <Button
                size="xs"
                variant="light"
                loading={improvement.isPending}
                onClick={() => !improvement.isPending && improvement.mutate({ itemId: item.id })}
              >
                Log in the improvement log
              </Button>
            )}
          </Alert>
        )}

        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Button variant="default" disabled={!onPrev || update.isPending} onClick={go(onPrev)}>
              Previous
            </Button>
            <Button variant="default" disabled={!onNext || update.isPending} onClick={go(onNext)}>
              Next
            </Button>
          </Group>
          {!readOnly && (
            <Button onClick={() => void save()} loading={update.isPending} disabled={!dirty}>
              Save item
            </Button>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          Keys: Alt+↓ next item, Alt+↑ previous item, Ctrl+Enter save. Moving to another item saves this one first.
        </Text>
      </Stack>
      <ConflictDialog what={`Item ${item.position}`} {...update.conflictDialog} />
    </Paper>
  );
}
