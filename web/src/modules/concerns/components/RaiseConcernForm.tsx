import { Box, Button, Checkbox, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { AiSystemPicker } from '../../../shared/org/AiSystemPicker';
import { FormError } from '../../../shared/ui/FormError';
import { todayIso } from '../../../shared/ui/format';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { useFocusFirstError } from '../../../shared/ui/useFocusFirstError';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import { useRaiseConcern } from '../hooks/useConcerns';

interface Draft {
  aiSystemId: string | null;
  description: string;
  noticedOn: string;
  anonymous: boolean;
}

const EMPTY: Draft = { aiSystemId: null, description: '', noticedOn: '', anonymous: false };

/** Raise a concern about an AI system, in one's name or anonymously. */
export function RaiseConcernForm({ orgId }: { orgId: string }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const { dirty, markClean } = useDirty(draft);
  const guard = useLeaveGuard(dirty);
  const raise = useRaiseConcern(orgId);
  const errorFor = raise.errorFor;
  const formRef = useRef<HTMLFormElement>(null);
  // a double click sends once: the pending state is only seen after a render
  const busy = useRef(false);
  useFocusFirstError(raise.error, formRef);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy.current || raise.isPending) return;
    busy.current = true;
    try {
      await raise.mutateAsync({
        aiSystemId: draft.aiSystemId,
        description: draft.description,
        noticedOn: draft.noticedOn || null,
        anonymous: draft.anonymous,
      });
      setDraft(EMPTY);
      markClean(EMPTY);
    } catch {
      // shown in FormError and next to the fields
    } finally {
      busy.current = false;
    }
  };

  return (
    <Box component="form" ref={formRef} onSubmit={submit} aria-label="Raise a concern">
      <Stack gap="md" maw={640}>
        <Textarea
          label="What happened, or what worries you"
          description="Say what you saw and where, as plainly as you can."
          value={draft.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={errorFor('description')}
          autosize
          minRows={3}
          maxLength={10_000}
          required
        />
        <AiSystemPicker
          orgId={orgId}
          label="AI system"
          description="Optional: leave empty if you are not sure which one."
          maxValues={1}
          value={draft.aiSystemId ? [draft.aiSystemId] : []}
          onChange={(ids) => set('aiSystemId', ids[ids.length - 1] ?? null)}
          error={errorFor('aiSystemId')}
        />
        <TextInput
          label="When did you notice it?"
          type="date"
          max={todayIso()}
          value={draft.noticedOn}
          onChange={(e) => set('noticedOn', e.currentTarget.value)}
          error={errorFor('noticedOn')}
          w={220}
        />
        <Checkbox
          label="Don't show my name to reviewers"
          description="Reviewers, the change history and their notifications will say “Anonymous”. You still see your concern and what was decided under My concerns."
          checked={draft.anonymous}
          onChange={(e) => set('anonymous', e.currentTarget.checked)}
        />
        <FormError error={raise.error} placed={['description', 'aiSystemId', 'noticedOn']} />
        <Group>
          <Button type="submit" loading={raise.isPending} disabled={!draft.description.trim()}>
            Raise concern
          </Button>
        </Group>
      </Stack>
      <LeaveGuardModal guard={guard} what="Your concern" />
    </Box>
  );
}
