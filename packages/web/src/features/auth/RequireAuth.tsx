import type { Permission } from "@minhbach/domain";
import { Alert } from "@mantine/core";
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router-dom";
import { ErrorBlock, LoadingBlock } from "../../ui/QueryState.tsx";
import { COMMON } from "../../ui/text.ts";
import { useSession } from "./session.tsx";

export const CHANGE_PASSWORD_PATH = "/doi-mat-khau";
export const LOGIN_PATH = "/dang-nhap";

/** Where to come back to after logging in: the page the user was on, query string included. */
export interface ReturnState {
  from?: string;
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading, error, refresh } = useSession();
  const location = useLocation();
  const here = location.pathname + location.search;
  if (loading) return <LoadingBlock />;
  if (error && !me) return <ErrorBlock error={error} onRetry={() => void refresh()} />;
  if (!me) return <Navigate to={LOGIN_PATH} replace state={{ from: here } satisfies ReturnState} />;
  if (me.user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace state={{ from: here } satisfies ReturnState} />;
  }
  return <>{children}</>;
}

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  if (!can(permission)) {
    return (
      <Alert color="orange" role="alert" mt="md">
        {COMMON.noPermission}
      </Alert>
    );
  }
  return <>{children}</>;
}
