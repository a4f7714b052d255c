import { useForm, type FormErrors, type UseFormInput, type UseFormReturnType } from "@mantine/form";
import type { ReactNode } from "react";
import { useRef } from "react";

/** Every leaf path whose value differs between two form states ("a.0.b"), and the changed containers. */
export function changedPaths(next: unknown, prev: unknown, base = ""): string[] {
  if (Object.is(next, prev)) return [];
  const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object";
  if (!isObj(next) || !isObj(prev) || Array.isArray(next) !== Array.isArray(prev)) return base ? [base] : [];
  const keys = new Set([...Object.keys(next), ...Object.keys(prev)]);
  const out: string[] = [];
  for (const k of keys) out.push(...changedPaths(next[k], prev[k], base ? `${base}.${k}` : k));
  // A list that grew or shrank changed as a whole too ("petitioners" for "Thêm người viết đơn").
  if (Array.isArray(next) && Array.isArray(prev) && next.length !== prev.length && base) out.push(base);
  return out;
}

/** "a.b" and "a" concern the same input: one holds the other. */
function related(errorPath: string, changed: string): boolean {
  return errorPath === changed || errorPath.startsWith(`${changed}.`) || changed.startsWith(`${errorPath}.`);
}

/**
 * The errors that remain once values changed from `prev` to `next`:
 * - an error on the changed path, on a part of it or on what holds it goes ("petitioners.0.identity"
 *   when its number changes, "roles" when "roles.0" does): Mantine clears only the exact path;
 * - an error of the form's own checks that they no longer find goes, wherever it was put: the
 *   checks validate the request body, whose rule may hang the error on another field than the one
 *   the officer corrects (a CCCD's gender mismatch is reported on the number, fixed in the gender);
 * - an error from the server stays until its own field (or a related one) changes.
 */
export function settleErrors(
  errors: FormErrors,
  changed: readonly string[],
  fresh: FormErrors | null,
  fromServer: ReadonlySet<string>,
): FormErrors {
  const out: FormErrors = {};
  for (const [path, error] of Object.entries(errors)) {
    if (error === null || error === undefined || error === false) continue;
    if (changed.some((c) => related(path, c))) continue;
    if (fresh && !fromServer.has(path) && !fresh[path]) continue;
    out[path] = error;
  }
  return out;
}

/**
 * `useForm` of @mantine/form for every form of the app, with errors that leave once the officer
 * corrects what they were about (see `settleErrors`). Errors still appear only on submit (or on the
 * server's answer), never while typing.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the constraint of useForm itself
export function useAppForm<Values extends Record<string, any>>(input: UseFormInput<Values>): UseFormReturnType<Values> {
  const ref = useRef<UseFormReturnType<Values> | null>(null);
  const latest = useRef(input);
  latest.current = input;
  const fromServer = useRef(new Set<string>());
  const form = useForm<Values>({
    ...input,
    onValuesChange: (values, previous) => {
      latest.current.onValuesChange?.(values, previous);
      const current = ref.current;
      if (!current || Object.keys(current.errors).length === 0) return;
      const changed = changedPaths(values, previous);
      for (const path of [...fromServer.current])
        if (changed.some((c) => related(path, c))) fromServer.current.delete(path);
      const validate = latest.current.validate;
      const checked = typeof validate === "function" ? validate(values) : null;
      const fresh = checked instanceof Promise ? null : checked;
      const next = settleErrors(current.errors, changed, fresh, fromServer.current);
      if (Object.keys(next).length !== Object.keys(current.errors).length) current.setErrors(next);
    },
  });
  const app: UseFormReturnType<Values> = {
    ...form,
    setFieldError: (path: string, error: ReactNode) => {
      fromServer.current.add(String(path));
      form.setFieldError(path, error);
    },
  } as UseFormReturnType<Values>;
  ref.current = app;
  return app;
}
