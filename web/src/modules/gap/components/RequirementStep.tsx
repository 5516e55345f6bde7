import { Alert, Badge, Button, Grid, Group, Kbd, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useBlocker } from 'react-router';
import { fieldErrorLookup } from '../../../shared/problem';
import { versionTag } from '../../../shared/register';
import { ConflictDialog } from '../../../shared/ui/ConflictDialog';
import { FormError } from '../../../shared/ui/FormError';
import { useFocusFirstError } from '../../../shared/ui/useFocusFirstError';
import { useBeforeUnload } from '../../../shared/ui/useLeaveGuard';
import { RequirementGuide } from '../../catalogue';
import type { Requirement } from '../../catalogue';
import type { Member } from '../../../shared/org/orgData';
import { type Answer, useClearAnswer, useSaveAnswer } from '../hooks/useGap';
import { cellStatus, STATUS_COLORS, STATUS_GLYPHS, STATUS_LABELS } from '../labels';
import { AnswerFields } from './AnswerFields';
import { type AnswerDraft, answerView, bodyOf, draftOf, sameDraft } from './answerDraft';
import { FactsPanel } from './FactsPanel';

interface Props {
  orgId: string;
  assessmentId: string;
  requirement: Requirement;
  answer: Answer;
  /** "Requirement 5 of 70" */
  position: string;
  /** the previous / next requirement the filter shows, null at either end */
  previousId: string | null;
  nextId: string | null;
  onGo: (requirementId: string) => void;
  members: Member[];
  userId: string;
  readOnly: string | null;
  /** move focus to the heading when mounted (the assessor moved here, not the page loaded) */
  focusHeading: boolean;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl';

/** One requirement in the wizard: our guidance, the facts OpenAIMS holds, the answer form and the way on. */
export function RequirementStep(props: Props) {
  const { orgId, assessmentId, requirement: r, answer, previousId, nextId, onGo, readOnly } = props;
  const [draft, setDraft] = useState<AnswerDraft>(() => draftOf(answer));
  const [baseline, setBaseline] = useState<AnswerDraft>(() => draftOf(answer));
  const [statusMissing, setStatusMissing] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  // the version of the answer this copy was loaded from or last saved as (If-Match)
  const versionRef = useRef(versionTag(answer.updatedAt));
  const take = (a: Answer, version: string) => {
    versionRef.current = version;
    const next = draftOf(a);
    setDraft(next);
    setBaseline(next);
  };
  const savedNow = () => setSavedAt(new Date().toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }));
  const memberName = (userId: string) => props.members.find((m) => m.userId === userId)?.name ?? userId;
  const save = useSaveAnswer(orgId, assessmentId, {
    mine: (vars) => vars.shown,
    theirs: (current) => answerView(draftOf(current as Answer), memberName),
    onReload: (current, etag) => {
      take(current as Answer, etag);
      setSavedAt(null);
    },
    onOverwritten: (saved) => {
      take(saved, versionTag(saved.updatedAt));
      savedNow();
    },
  });
  // clearing is a write like a save: someone else's answer since opens the same conflict
  const clear = useClearAnswer(orgId, assessmentId, {
    mine: () => ({ Answer: 'Not answered yet' }),
    theirs: (current) => answerView(draftOf(current as Answer), memberName),
    onReload: (current, etag) => {
      take(current as Answer, etag);
      setSavedAt(null);
    },
    onOverwritten: (cleared) => {
      take(cleared, versionTag(cleared.updatedAt));
      setSavedAt(null);
    },
  });
  const dirty = !sameDraft(draft, baseline);
  const leaving = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const errorFor = fieldErrorLookup({ ...save.fieldErrors, ...(statusMissing ? { status: 'Choose a status' } : {}) });
  useFocusFirstError(save.conflict ? null : save.error, form);

  // its own blocker below offers 'Save and continue'; reload and tab close ask too
  useBeforeUnload(dirty);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => {
    if (leaving.current || !dirty) return false;
    const req = (search: string) => new URLSearchParams(search).get('req');
    return currentLocation.pathname !== nextLocation.pathname || req(currentLocation.search) !== req(nextLocation.search);
  });

  useEffect(() => {
    if (props.focusHeading) heading.current?.focus();
  }, [props.focusHeading]);

  const go = (id: string | null) => {
    if (!id) return;
    onGo(id);
  };

  const submit = (then?: () => void) => {
    if (readOnly) return;
    if (!draft.status) {
      if (blocker.state === 'blocked') blocker.reset();
      setStatusMissing(true);
      form.current?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
      return;
    }
    setStatusMissing(false);
    save.mutate(
      {
        requirementId: r.id,
        body: bodyOf({ ...draft, status: draft.status }),
        ifMatch: versionRef.current,
        shown: answerView(draft, memberName),
      },
      {
        onSuccess: (saved) => {
          take(saved, versionTag(saved.updatedAt));
          savedNow();
          if (then) {
            leaving.current = true;
            then();
          }
        },
        onError: () => {
          if (blocker.state === 'blocked') blocker.reset();
        },
      },
    );
  };

  const clearAnswer = () =>
    clear.mutate(
      { requirementId: r.id, ifMatch: versionRef.current },
      {
        onSuccess: (cleared) => {
          take(cleared, versionTag(cleared.updatedAt));
          setSavedAt(null);
        },
      },
    );

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit(nextId ? () => go(nextId) : undefined);
  };

  // Ctrl+Enter saves and moves on (also from a notes box), Ctrl+S saves and stays.
  const onKeyDown = (e: KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key === 'Enter') {
      e.preventDefault();
      submit(nextId ? () => go(nextId) : undefined);
    } else if (mod && (e.key === 's' || e.key === 'S')) {
      e.preventDefault();
      submit();
    }
  };

  const status = cellStatus(answer);

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={`req-${r.id}`} onKeyDown={onKeyDown}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.05em' }}>
              {r.kind === 'clause' ? `Clause ${r.group}` : `Annex ${r.group}`} · {r.groupTitle}
              {r.subgroup ? ` · ${r.subgroup} ${r.subgroupTitle}` : ''}
            </Text>
            <Title order={2} fz={20} id={`req-${r.id}`} ref={heading} tabIndex={-1} style={{ outlineOffset: 4 }}>
              {r.id} {r.title}
            </Title>
            <Text size="xs" c="dimmed">
              {props.position}
            </Text>
          </Stack>
          <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
            <Badge
              color={STATUS_COLORS[status]}
              variant={status === 'unanswered' ? 'outline' : 'light'}
              radius="sm"
              size="lg"
              style={{ flexShrink: 0 }}
            >
              {STATUS_GLYPHS[status]} {STATUS_LABELS[status]}
            </Badge>
            {answer.carriedOver && (
              <Badge
                color="grape"
                variant="outline"
                radius="sm"
                title="Copied from the earlier assessment: save it unchanged to confirm it, or change it"
              >
                Carried over — confirm
              </Badge>
            )}
          </Stack>
        </Group>

        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <RequirementGuide requirement={r} compact />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <FactsPanel orgId={orgId} module={answer.module} />
          </Grid.Col>
        </Grid>

        <form ref={form} onSubmit={onSubmit} noValidate aria-label={`Answer to ${r.id}`}>
          <fieldset disabled={!!readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Stack gap="md">
              {readOnly && (
                <Alert color="gray" variant="light" role="status">
                  {readOnly}
                </Alert>
              )}
              <AnswerFields
                orgId={orgId}
                kind={r.kind}
                draft={draft}
                onChange={(patch) => {
                  setDraft((d) => ({ ...d, ...patch }));
                  if (patch.status) setStatusMissing(false);
                }}
                errorFor={errorFor}
                members={props.members}
                userId={props.userId}
                readOnly={!!readOnly}
              />
              {!save.conflict && (
                <FormError error={save.error} placed={['status', 'maturity', 'notes', 'justification', 'owner', 'links']} />
              )}
              <FormError error={clear.error} title="Not cleared" />
            </Stack>
          </fieldset>
          <Group justify="space-between" mt="lg" wrap="wrap" gap="sm">
            <Group gap="xs">
              <Button variant="default" disabled={!previousId} onClick={() => go(previousId)}>
                ← Previous
              </Button>
              <Button variant="default" disabled={!nextId} onClick={() => go(nextId)}>
                Next →
              </Button>
            </Group>
            {!readOnly && (
              <Group gap="sm">
                <Text size="xs" c={dirty ? 'orange.8' : 'dimmed'} role="status" aria-live="polite">
                  {dirty ? 'Unsaved changes' : savedAt ? `Saved at ${savedAt}` : ''}
                </Text>
                {answer.answered && (
                  <Button type="button" variant="subtle" color="gray" onClick={clearAnswer} loading={clear.isPending}>
                    Clear answer
                  </Button>
                )}
                <Button type="button" variant="default" onClick={() => submit()} loading={save.isPending}>
                  Save
                </Button>
                {nextId && (
                  <Button type="submit" loading={save.isPending}>
                    Save and next →
                  </Button>
                )}
              </Group>
            )}
          </Group>
          {!readOnly && (
            <Text size="xs" c="dimmed" mt="xs" ta="right">
              <Kbd size="xs">{MOD}</Kbd> + <Kbd size="xs">S</Kbd> saves · <Kbd size="xs">{MOD}</Kbd> + <Kbd size="xs">Enter</Kbd>{' '}
              saves and moves to the next requirement
            </Text>
          )}
        </form>
      </Stack>

      <ConflictDialog what={`The answer to ${r.id}`} {...save.conflictDialog} />
      <ConflictDialog what={`The answer to ${r.id}`} {...clear.conflictDialog} />
      <Modal
        opened={blocker.state === 'blocked'}
        onClose={() => blocker.reset?.()}
        title={`Unsaved answer to ${r.id}`}
        centered
        size={520}
      >
        <Text size="sm" mb="lg">
          The answer to {r.id} has changes that are not saved.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => blocker.reset?.()}>
            Stay
          </Button>
          <Button variant="default" color="red" onClick={() => blocker.proceed?.()}>
            Discard changes
          </Button>
          <Button data-autofocus onClick={() => submit(() => blocker.proceed?.())} loading={save.isPending}>
            Save and continue
          </Button>
        </Group>
      </Modal>
    </Paper>
  );
}
