import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken, setUnauthenticatedHandler, type Me, type Permission } from './api.ts';

interface Auth {
  /** undefined while the session is being checked, null when logged out. */
  me: Me | null | undefined;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** Reloads the session (after a password change, for instance). */
  refresh: () => Promise<void>;
  can: (permission: Permission) => boolean;
  /** The permission on a unit, by its path: granted there or above. */
  canAt: (permission: Permission, path: string) => boolean;
  /** The permission anywhere at or under a unit: granted there, above, or on a unit below it. */
  canSomeUnder: (permission: Permission, path: string) => boolean;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  const accept = useCallback((next: Me | null) => {
    setCsrfToken(next?.csrfToken ?? '');
    setMe(next);
  }, []);

  useEffect(() => {
    let live = true;
    api.session().then(
      (m) => live && accept(m),
      // Logged out, or the server is unreachable: the log-in page reports the latter on submit.
      () => live && accept(null),
    );
    setUnauthenticatedHandler(() => accept(null));
    return () => {
      live = false;
      setUnauthenticatedHandler(undefined);
    };
  }, [accept]);

  const value = useMemo<Auth>(
    () => ({
      me,
      login: async (username, password) => accept(await api.login(username, password)),
      logout: async () => {
        try {
          await api.logout();
        } finally {
          accept(null);
        }
      },
      refresh: async () => accept(await api.session()),
      can: (permission) => !!me?.grants.some((g) => g.permissions.includes(permission)),
      canAt: (permission, path) => !!me?.grants.some((g) => g.permissions.includes(permission) && path.startsWith(g.unitPath)),
      canSomeUnder: (permission, path) =>
        !!me?.grants.some((g) => g.permissions.includes(permission) && (path.startsWith(g.unitPath) || g.unitPath.startsWith(path))),
    }),
    [me, accept],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The grants holding a permission, one per unit, the closest first (a commune before its province). */
export function useGrantsWith(permission: Permission) {
  const { me } = useAuth();
  return useMemo(
    () => (me?.grants ?? []).filter((g) => g.permissions.includes(permission))
      .filter((g, i, all) => all.findIndex((x) => x.unitId === g.unitId) === i)
      .sort((a, b) => b.unitPath.length - a.unitPath.length),
    [me, permission],
  );
}
