import { Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { FormError } from '../../../shared/ui/FormError';
import { QueryState } from '../../../shared/ui/QueryState';
import { type Document, useCreateFromTemplate, useTemplates } from '../hooks/useDocuments';
import { CATEGORY_LABELS, type DocumentCategory } from '../labels';

interface Props {
  orgId: string;
  /** null: closed; otherwise the template chosen first ('' for none) */
  templateId: string | null;
  onClose(): void;
  onCreated(document: Document & { missing: string[] }): void;
}

/**
 * A new document from one of our starter templates: its first draft is
 * filled with what the organization's records already say (its name, scope,
 * role holders); what no record says yet is marked in the text to complete.
 */
export function FromTemplateModal({ orgId, templateId, onClose, onCreated }: Props) {
  const templates = useTemplates(orgId);
  const create = useCreateFromTemplate(orgId);
  const [chosen, setChosen] = useState('');
  const [title, setTitle] = useState('');
  useEffect(() => {
    if (templateId !== null) setChosen(templateId);
  }, [templateId]);
  const close = () => {
    setTitle('');
    create.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    if (!chosen || create.isPending) return;
    create.mutate(
      { templateId: chosen, ...(title.trim() ? { title: title.trim() } : {}) },
      {
        onSuccess: (doc) => {
          close();
          onCreated(doc);
        },
      },
    );
  };
  return (
    <Modal opened={templateId !== null} onClose={close} title="New document from a template" centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <QueryState query={templates}>
            {({ items }) => (
              <Radio.Group label="Template" value={chosen} onChange={setChosen} required>
                <Stack gap="xs" mt="xs">
                  {items.map((t) => (
                    <Radio
                      key={t.id}
                      value={t.id}
                      label={`${t.title} (${CATEGORY_LABELS[t.category as DocumentCategory] ?? t.category})`}
                      description={t.summary}
                    />
                  ))}
                </Stack>
              </Radio.Group>
            )}
          </QueryState>
          <TextInput
            label="Title"
            description="Optional: the template's title otherwise."
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            maxLength={300}
          />
          <Text size="sm" c="dimmed">
            The first draft is filled with what your records already say. Anything they do not say yet is marked in the text for
            you to complete before approval.
          </Text>
          <FormError error={create.error} placed={[]} title="Not created" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!chosen}>
              Create the draft
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
