import { Notification, Stack } from '@mantine/core';
import { useSyncExternalStore } from 'react';

// Short-lived messages after a change ("Archived “X”."), shown in a corner
// and read out by screen readers. A tiny store instead of a package: notify()
// may be called from anywhere, <Notifications /> is mounted once in App.

export interface Note {
  id: number;
  message: string;
  title?: string;
  color?: string;
}

let notes: Note[] = [];
let nextId = 0;
const listeners = new Set<() => void>();
const emit = () => {
  for (const l of listeners) l();
};

export function dismiss(id: number) {
  notes = notes.filter((n) => n.id !== id);
  emit();
}

/** Shows a message for six seconds (errors stay until closed). */
export function notify(note: Omit<Note, 'id'>) {
  nextId += 1;
  const id = nextId;
  notes = [...notes.slice(-3), { ...note, id }];
  emit();
  if (note.color !== 'red') setTimeout(() => dismiss(id), 6000);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function Notifications() {
  const shown = useSyncExternalStore(
    subscribe,
    () => notes,
    () => notes,
  );
  return (
    <Stack
      gap="xs"
      pos="fixed"
      bottom={16}
      right={16}
      w={360}
      maw="calc(100vw - 32px)"
      style={{ zIndex: 400 }}
      aria-live="polite"
      aria-label="Notifications"
      component="section"
    >
      {shown.map((n) => (
        <Notification key={n.id} title={n.title} color={n.color ?? 'teal'} onClose={() => dismiss(n.id)} withBorder>
          {n.message}
        </Notification>
      ))}
    </Stack>
  );
}
