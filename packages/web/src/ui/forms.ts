import type { ReactNode } from "react";
import { ApiError, errorMessage } from "../api/client.ts";

/** The part of a Mantine form that server errors need. */
interface FormWithErrors {
  getValues(): object;
  setFieldError(path: string, error: ReactNode): void;
}

/**
 * The form path whose input shows an error the server reported for `field`: "days.3.date"
 * stays as is, "roles.0" becomes "roles" (one multi-select holds the whole list).
 */
function inputPath(values: Record<string, unknown>, field: string): string | null {
  const [head, ...rest] = field.split(".");
  if (!head || !(head in values)) return null;
  let path = head;
  let node: unknown = values[head];
  for (const part of rest) {
    if (node === null || typeof node !== "object") break;
    if (Array.isArray(node) && node.every((item) => item === null || typeof item !== "object")) break;
    if (!(part in node)) break;
    path += `.${part}`;
    node = (node as Record<string, unknown>)[part];
  }
  return path;
}

/**
 * Puts a server error on the form field it names when the form has that field; otherwise
 * returns the message for the form-level alert.
 */
export function applyServerError(form: FormWithErrors, error: unknown): string | null {
  if (error instanceof ApiError && error.field) {
    const path = inputPath(form.getValues() as Record<string, unknown>, error.field);
    if (path) {
      // Validation messages arrive as "password: Mật khẩu …"; beside the field the name is noise.
      const prefix = `${error.field}: `;
      form.setFieldError(path, error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message);
      return null;
    }
  }
  return errorMessage(error);
}

/**
 * Like `applyServerError`, but always returns the message for the form-level alert too: in long
 * forms (or when the field is not on screen, such as a rule about the record as a whole) the
 * officer must not be left with a save button that seems to do nothing.
 */
export function reportServerError(form: FormWithErrors, error: unknown): string {
  const message = applyServerError(form, error);
  if (!(error instanceof ApiError)) return message ?? errorMessage(error);
  const { field, message: text } = error;
  return field && text.startsWith(`${field}: `) ? text.slice(field.length + 2) : text;
}

/**
 * For a form kept in plain component state rather than a Mantine form: the server error as the
 * message beside one of `fields` when it names one of them, else as the form-level failure.
 */
export function splitServerError(
  error: unknown,
  fields: readonly string[],
): { errors: Record<string, string>; failure: string | null } {
  if (error instanceof ApiError && error.field && fields.includes(error.field)) {
    const prefix = `${error.field}: `;
    const text = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    return { errors: { [error.field]: text }, failure: null };
  }
  return { errors: {}, failure: errorMessage(error) };
}

/** Empty strings from text inputs become null for optional API fields. */
export function emptyToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}
