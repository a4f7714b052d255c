import type { Me } from "@minhbach/domain/api/auth";
import type { Permission } from "@minhbach/domain";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from "react";
import { call } from "../../api/call.ts";
import { ApiError, onUnauthorized, setCsrfToken } from "../../api/client.ts";
import { clearAllDrafts } from "../../ui/drafts.ts";
import { AUTH_TEXT } from "./text.ts";

export const ME_KEY = ["auth", "me"] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await call("auth.me", { expectUnauthorized: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

interface Session {
  me: Me | null;
  loading: boolean;
  error: unknown;
  can(permission: Permission): boolean;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: 1 });
  const me = query.data ?? null;

  useEffect(() => {
    onUnauthorized(() => {
      if (queryClient.getQueryData(ME_KEY) === null) return;
      setCsrfToken(null);
      queryClient.setQueryData(ME_KEY, null);
      notifications.show({
        id: "session-expired",
        color: "orange",
        message: AUTH_TEXT.sessionExpired,
        autoClose: 8000,
      });
    });
    return () => onUnauthorized(null);
  }, [queryClient]);

  const can = useCallback(
    (permission: Permission) => Boolean(me?.permissions.some((grant) => grant.permission === permission)),
    [me],
  );

  const login = useCallback(
    async (username: string, password: string) => {
      const result = await call("auth.login", { body: { username, password }, expectUnauthorized: true });
      setCsrfToken(result.csrfToken);
      notifications.hide("session-expired");
      // Whatever was cached belonged to the previous session.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      queryClient.setQueryData(ME_KEY, result);
      return result;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await call("auth.logout", { expectUnauthorized: true });
    } finally {
      setCsrfToken(null);
      clearAllDrafts();
      // The session query is set (not removed) so that its observers see the logout at once.
      queryClient.setQueryData(ME_KEY, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    }
  }, [queryClient]);

  const refresh = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: ME_KEY });
  }, [queryClient]);

  const value = useMemo<Session>(
    () => ({ me, loading: query.isPending, error: query.error, can, login, logout, refresh }),
    [me, query.isPending, query.error, can, login, logout, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}

/** The signed-in user; only for components under RequireAuth. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error("useMe without a session");
  return me;
}
