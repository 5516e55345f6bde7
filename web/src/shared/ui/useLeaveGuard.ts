import { useCallback, useEffect, useRef, useState } from 'react';
import { type Blocker, useBlocker } from 'react-router';

// Every editing form warns before its unsaved changes are lost: in-app
// navigation (React Router's blocker, answered by <LeaveGuardModal>), and a
// reload or tab close (the browser's own beforeunload prompt).
//
// React Router honours one blocker at a time (the last mounted), so the
// guards share one question: is any mounted form dirty? Whichever blocker is
// active then asks, whichever form it belongs to.

interface GuardState {
  dirty: boolean;
  /** set for the navigation a successful save starts itself */
  allowed: boolean;
}

const guards = new Set<GuardState>();

function anyDirty(): boolean {
  for (const g of guards) if (g.dirty && !g.allowed) return true;
  return false;
}

export interface LeaveGuard {
  blocker: Blocker;
  /** Lets the navigation started right now through (call it before navigating away after a save). */
  allowLeave(): void;
}

/** Guards `dirty` changes against leaving the page; render <LeaveGuardModal guard={...} /> with it. */
export function useLeaveGuard(dirty: boolean): LeaveGuard {
  const state = useRef<GuardState>({ dirty, allowed: false });
  state.current.dirty = dirty;
  useEffect(() => {
    const s = state.current;
    guards.add(s);
    return () => {
      guards.delete(s);
    };
  }, []);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname && anyDirty(),
  );
  useBeforeUnload(dirty);
  const allowLeave = useCallback(() => {
    const s = state.current;
    s.allowed = true;
    // one navigation only: edits after a save that stays on the page are guarded again
    setTimeout(() => {
      s.allowed = false;
    }, 0);
  }, []);
  return { blocker, allowLeave };
}

/** The browser's "Leave site?" prompt on reload or tab close while `dirty`. */
export function useBeforeUnload(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // older browsers prompt only when returnValue is set
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}

/**
 * Whether a form's values differ from where they started (or from the last
 * `markClean`), compared as JSON so any plain form state works.
 */
export function useDirty(value: unknown, active = true): { dirty: boolean; markClean(next?: unknown): void } {
  const json = JSON.stringify(value);
  const [baseline, setBaseline] = useState(json);
  const markClean = useCallback((next?: unknown) => setBaseline(next === undefined ? json : JSON.stringify(next)), [json]);
  return { dirty: active && json !== baseline, markClean };
}
