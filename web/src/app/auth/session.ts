import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, api, type Session, setCsrfToken, unwrap } from '../../shared/api';

export const sessionKey = ['session'] as const;

// Whether the session ended because the user signed out (then sign-in starts
// fresh) rather than because it expired (then sign-in returns to the page).
let signedOutDeliberately = false;

export function endedBySignOut(): boolean {
  return signedOutDeliberately;
}
export const setupKey = ['setup'] as const;

/** Whether the first owner and organization still have to be created. */
export function useSetupNeeded() {
  return useQuery({
    queryKey: setupKey,
    queryFn: () => unwrap(api.GET('/api/v1/setup')),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The signed-in session, or null when signed out. */
export function useSession(enabled = true) {
  return useQuery({
    queryKey: sessionKey,
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async (): Promise<Session | null> => {
      try {
        const session = await unwrap(api.GET('/api/v1/session'));
        setCsrfToken(session.csrfToken);
        return session;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw e;
      }
    },
  });
}

/** Stores a session the server just handed out (setup, sign-in). */
export function useAcceptSession() {
  const client = useQueryClient();
  return useCallback(
    (session: Session) => {
      signedOutDeliberately = false;
      setCsrfToken(session.csrfToken);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] && q.queryKey[0] !== setupKey[0] });
      client.setQueryData(sessionKey, session);
      client.setQueryData(setupKey, { needed: false });
    },
    [client],
  );
}

/** Forgets the session and every cached org record after signing out. */
export function useForgetSession() {
  const client = useQueryClient();
  return useCallback(() => {
    signedOutDeliberately = true;
    setCsrfToken(null);
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] && q.queryKey[0] !== setupKey[0] });
    client.setQueryData(sessionKey, null);
  }, [client]);
}

/** The signed-in session; only for pages behind RequireSession. */
export function useCurrentSession(): Session {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentSession used outside RequireSession');
  return data;
}
