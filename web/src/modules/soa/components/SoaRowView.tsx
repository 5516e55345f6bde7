import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  Tooltip,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { OwnerInput, type OwnerDraft, toOwnerDraft, toOwnerInput } from '../../../shared/org/OwnerInput';
import { ConflictDialog } from '../../../shared/ui/ConflictDialog';
import { FormError } from '../../../shared/ui/FormError';
import { type ImplementationStatus, STATUS_LABELS, type SoaRow, type SoaRowPatch, usePatchSoaRow } from '../hooks/useSoa';

interface Props {
  orgId: string;
  row: SoaRow;
  /** the ETag of the SoA as the page shows it */
  etag: string;
  canEdit: boolean;
  onDirty: (controlId: string, dirty: boolean) => void;
  onRemove?: () => void;
}

interface Draft {
  applicable: boolean;
  justification: string;
  implementationStatus: ImplementationStatus;
  implementation: string;
  owner: OwnerDraft;
}

const draftOf = (r: SoaRow): Draft => ({
  applicable: r.applicable,
  justification: r.justification,
  implementationStatus: r.implementationStatus,
  implementation: r.implementation,
  owner: toOwnerDraft(r.owner),
});

/** The fields of the draft that differ from the row as saved: what a save sends. */
function changes(d: Draft, r: SoaRow): SoaRowPatch {
  const saved = draftOf(r);
  const out: SoaRowPatch = {};
  if (d.applicable !== saved.applicable) out.applicable = d.applicable;
  if (d.justification !== saved.justification) out.justification = d.justification;
  if (d.implementationStatus !== saved.implementationStatus) out.implementationStatus = d.implementationStatus;
  if (d.implementation !== saved.implementation) out.implementation = d.implementation;
  if (JSON.stringify(toOwnerInput(d.owner)) !== JSON.stringify(toOwnerInput(saved.owner))) out.owner = toOwnerInput(d.owner);
  return out;
}

const STATUS_OPTIONS = (Object.keys(STATUS_LABELS) as ImplementationStatus[]).map((s) => ({ value: s, label: STATUS_LABELS[s] }));

/**
 * One control of the SoA, edited in place: the switch and the status save at
 * once (unless the row has other unsaved changes, or an exclusion still needs
 * its justification); texts and owner are saved with the row's Save.
 */
export function SoaRowView({ orgId, row, etag, canEdit, onDirty, onRemove }: Props) {
  const patch = usePatchSoaRow(orgId, row.controlId);
  const [draft, setDraft] = useState<Draft>(() => draftOf(row));
  const pending = changes(draft, row);
  const dirty = Object.keys(pending).length > 0;
  useEffect(() => onDirty(row.controlId, dirty), [dirty, onDirty, row.controlId]);
  useEffect(() => () => onDirty(row.controlId, false), [onDirty, row.controlId]);
  const { errorFor } = patch;
  const save = (body: SoaRowPatch) => patch.mutate({ body, ifMatch: etag });
  const needsJustification = !draft.applicable && !draft.justification.trim();
  /** a one-field change saves at once when nothing else waits */
  const change = (next: Draft) => {
    setDraft(next);
    const body = changes(next, row);
    const keys = Object.keys(body);
    const quick = keys.length === 1 && (keys[0] === 'applicable' || keys[0] === 'implementationStatus');
    if (quick && !(!next.applicable && !next.justification.trim())) save(body);
  };
  const name = `${row.controlId} ${row.title}`;
  const warnings = row.flags.filter((f) => f.severity === 'warning');

  return (
    <Table.Tr
      data-control={row.controlId}
      bg={warnings.some((f) => f.code === 'excluded-control-treats-risks') ? 'orange.0' : undefined}
    >
      <Table.Td style={{ minWidth: 220, maxWidth: 300 }}>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <Text size="sm" fw={700} ff="monospace" style={{ whiteSpace: 'nowrap' }}>
            {row.controlId}
          </Text>
          {row.kind === 'own' && (
            <Badge size="xs" variant="light" color="grape">
              own
            </Badge>
          )}
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {row.title}
        </Text>
        {row.description && (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {row.description}
          </Text>
        )}
        {warnings.map((f) => (
          <Text key={f.code} size="xs" c={f.code === 'excluded-control-treats-risks' ? 'orange.9' : 'dimmed'} fw={500} mt={4}>
            {f.code === 'excluded-control-treats-risks' ? `⚠ ${f.message.slice(name.length + 1)}` : 'No justification yet'}
          </Text>
        ))}
      </Table.Td>
      <Table.Td>
        {canEdit ? (
          <Switch
            aria-label={`${row.controlId} applicable`}
            checked={draft.applicable}
            onChange={(e) => change({ ...draft, applicable: e.currentTarget.checked })}
            disabled={patch.isPending}
            label={draft.applicable ? 'Yes' : 'No'}
          />
        ) : (
          <Text size="sm">{row.applicable ? 'Yes' : 'No'}</Text>
        )}
      </Table.Td>
      <Table.Td style={{ minWidth: 220 }}>
        {canEdit ? (
          <Textarea
            aria-label={`${row.controlId} justification`}
            size="xs"
            autosize
            minRows={1}
            maxRows={6}
            maxLength={4000}
            placeholder={draft.applicable ? 'Why it applies' : 'Why it is excluded (required)'}
            value={draft.justification}
            onChange={(e) => setDraft({ ...draft, justification: e.currentTarget.value })}
            error={
              errorFor('justification') ?? (needsJustification ? 'Give a justification to exclude it, then save.' : undefined)
            }
          />
        ) : (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {row.justification || '—'}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ minWidth: 170 }}>
        {canEdit ? (
          <NativeSelect
            aria-label={`${row.controlId} implementation status`}
            size="xs"
            value={draft.implementationStatus}
            data={STATUS_OPTIONS}
            disabled={patch.isPending}
            error={errorFor('implementationStatus')}
            onChange={(e) => change({ ...draft, implementationStatus: e.currentTarget.value as ImplementationStatus })}
          />
        ) : (
          <Text size="sm">{STATUS_LABELS[row.implementationStatus]}</Text>
        )}
      </Table.Td>
      <Table.Td style={{ minWidth: 220 }}>
        {canEdit ? (
          <Textarea
            aria-label={`${row.controlId} how it is implemented`}
            size="xs"
            autosize
            minRows={1}
            maxRows={6}
            maxLength={8000}
            placeholder="Process, tool or document"
            value={draft.implementation}
            onChange={(e) => setDraft({ ...draft, implementation: e.currentTarget.value })}
            error={errorFor('implementation')}
          />
        ) : (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {row.implementation || '—'}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ minWidth: 160 }}>
        {canEdit ? (
          <OwnerInput
            aria-label={`${row.controlId} owner`}
            size="xs"
            withEmail={false}
            description=""
            placeholder="Owner"
            value={draft.owner}
            onChange={(owner) => setDraft({ ...draft, owner })}
            error={errorFor('owner.userId') ?? errorFor('owner.name')}
          />
        ) : (
          <Text size="sm">{row.owner?.name || '—'}</Text>
        )}
      </Table.Td>
      <Table.Td style={{ minWidth: 120 }}>
        {row.linkedRisks.length === 0 ? (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ) : (
          <Stack gap={2}>
            {row.linkedRisks.map((r) => (
              <Tooltip key={r.id} label={`${r.title} (${r.status})`} withArrow>
                <Anchor component={Link} to={`/orgs/${orgId}/risks/${r.id}`} size="sm" ff="monospace" fw={600}>
                  {r.number}
                </Anchor>
              </Tooltip>
            ))}
            {/* the API lists the first 20 and counts them all; the register lists every one */}
            {row.linkedRiskCount > row.linkedRisks.length && (
              <Anchor
                component={Link}
                to={`/orgs/${orgId}/risks?controlId=${encodeURIComponent(row.controlId)}`}
                size="sm"
                aria-label={`All ${row.linkedRiskCount} risks relying on ${row.controlId}`}
              >
                and {row.linkedRiskCount - row.linkedRisks.length} more
              </Anchor>
            )}
          </Stack>
        )}
      </Table.Td>
      {/* current evidence linked to the control; the count opens the register filtered by it (none: nothing to open) */}
      <Table.Td>
        {row.evidenceCount === 0 ? (
          <Text size="sm" c="dimmed">
            None
          </Text>
        ) : (
          <Anchor
            component={Link}
            to={`/orgs/${orgId}/evidence?controlId=${encodeURIComponent(row.controlId)}`}
            size="sm"
            c={row.validEvidenceCount === 0 ? 'red.8' : undefined}
            aria-label={`${row.evidenceCount} evidence items for ${row.controlId}, ${row.validEvidenceCount} valid`}
          >
            {`${row.evidenceCount} (${row.validEvidenceCount} valid)`}
          </Anchor>
        )}
      </Table.Td>
      {canEdit && (
        <Table.Td>
          <Stack gap={4} align="flex-start">
            {dirty && (
              <Group gap={4} wrap="nowrap">
                <Button size="compact-xs" onClick={() => save(pending)} loading={patch.isPending} disabled={needsJustification}>
                  Save
                </Button>
                <Button size="compact-xs" variant="default" onClick={() => setDraft(draftOf(row))}>
                  Undo
                </Button>
              </Group>
            )}
            {onRemove && (
              <Tooltip label={`Remove ${row.controlId}`}>
                <ActionIcon variant="subtle" color="red" aria-label={`Remove ${row.controlId}`} onClick={onRemove}>
                  ×
                </ActionIcon>
              </Tooltip>
            )}
          </Stack>
          {patch.error &&
            !patch.conflict &&
            !['justification', 'implementation', 'implementationStatus', 'owner.userId', 'owner.name'].some(errorFor) && (
              <FormError error={patch.error} />
            )}
          <ConflictDialog what={`The SoA row ${row.controlId}`} {...patch.conflictDialog} />
        </Table.Td>
      )}
    </Table.Tr>
  );
}
