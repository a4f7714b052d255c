/**
 * Form drafts kept in sessionStorage, keyed by route and form, so that a lost session (401)
 * or an accidental reload does not throw away what an officer typed. Secrets (passwords) are
 * never written; drafts are removed on submit, on cancel and on logout.
 */
import { useMemo } from "react";
import { useLocation } from "react-router-dom";

const PREFIX = "minhbach:draft:";

export interface Draft<T> {
  key: string;
  load(): Partial<T> | null;
  save(values: T): void;
  clear(): void;
  exists(): boolean;
}

export function draftStore<T extends object>(key: string, omit: readonly (keyof T)[] = []): Draft<T> {
  const storageKey = PREFIX + key;
  return {
    key: storageKey,
    load() {
      try {
        const raw = sessionStorage.getItem(storageKey);
        return raw ? (JSON.parse(raw) as Partial<T>) : null;
      } catch {
        return null;
      }
    },
    save(values) {
      const copy: Record<string, unknown> = { ...(values as Record<string, unknown>) };
      for (const name of omit) delete copy[name as string];
      try {
        sessionStorage.setItem(storageKey, JSON.stringify(copy));
      } catch {
        // storage full or disabled: the draft is a convenience, not a promise
      }
    },
    clear() {
      sessionStorage.removeItem(storageKey);
    },
    exists() {
      return sessionStorage.getItem(storageKey) !== null;
    },
  };
}

/** The draft of form `formId` on the current route. */
export function useDraft<T extends object>(formId: string, omit: readonly (keyof T)[] = []): Draft<T> {
  const { pathname } = useLocation();
  return useMemo(() => draftStore<T>(`${pathname}#${formId}`, omit), [pathname, formId]);
}

export function clearAllDrafts(): void {
  for (let i = sessionStorage.length - 1; i >= 0; i--) {
    const key = sessionStorage.key(i);
    if (key?.startsWith(PREFIX)) sessionStorage.removeItem(key);
  }
}
