import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { LoginBody } from '../../../src/schema/api/session.js';
import { api } from '../api/client.js';
import { fetchSession, type SessionUser, signIn, signOut } from '../api/session.js';

export interface SessionValue {
  /** undefined while the first GET /api/session is under way. */
  user: SessionUser | null | undefined;
  signIn(body: LoginBody): Promise<void>;
  signOut(): Promise<void>;
  /** After a 401 elsewhere: the session ended on the server. */
  forget(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Holds who is signed in; any 401 from the API client signs the page out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    fetchSession().then(
      (state) => live && setUser(state.user),
      () => live && setUser(null),
    );
    api.whenSignedOut(() => setUser(null));
    return () => {
      live = false;
      api.whenSignedOut(undefined);
    };
  }, []);

  const doSignIn = useCallback(async (body: LoginBody) => {
    setUser((await signIn(body)).user);
  }, []);
  const doSignOut = useCallback(async () => {
    await signOut();
    setUser(null);
  }, []);
  const forget = useCallback(() => setUser(null), []);

  const value = useMemo(
    () => ({ user, signIn: doSignIn, signOut: doSignOut, forget }),
    [user, doSignIn, doSignOut, forget],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
