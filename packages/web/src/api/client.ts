/**
 * The one way the web app talks to the server: same-origin fetch under /api, JSON in and out,
 * the CSRF token on every state-changing request, errors as {code, message, field?}.
 */
import { ERROR_MESSAGES, type ApiErrorBody } from "@minhbach/domain";

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = "ApiError";
    this.status = status;
    this.code = body.code;
    this.field = body.field;
  }
}

const NETWORK_MESSAGE = "Không kết nối được máy chủ. Kiểm tra kết nối mạng rồi thử lại.";

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request (other than the session check itself) answers 401. */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** A 401 is an answer here, not a lost session (login, the initial session check). */
  expectUnauthorized?: boolean;
}

export function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

function fallbackMessage(status: number): ApiErrorBody {
  if (status === 401) return { code: "UNAUTHENTICATED", message: ERROR_MESSAGES.UNAUTHENTICATED };
  if (status === 403) return { code: "FORBIDDEN", message: ERROR_MESSAGES.FORBIDDEN };
  if (status === 404) return { code: "NOT_FOUND", message: ERROR_MESSAGES.NOT_FOUND };
  if (status === 429) return { code: "TOO_MANY_REQUESTS", message: ERROR_MESSAGES.TOO_MANY_REQUESTS };
  return { code: "INTERNAL_ERROR", message: ERROR_MESSAGES.INTERNAL_ERROR };
}

async function readError(response: Response): Promise<ApiErrorBody> {
  try {
    const body = (await response.json()) as Partial<ApiErrorBody>;
    if (typeof body.message === "string" && typeof body.code === "string") {
      return { code: body.code, message: body.message, ...(body.field ? { field: body.field } : {}) };
    }
  } catch {
    // not JSON: a proxy page or an empty body
  }
  return fallbackMessage(response.status);
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  try {
    return await fetch(`/api${path}${buildQuery(options.query)}`, {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, { code: "NETWORK", message: NETWORK_MESSAGE });
  }
}

async function refreshCsrfToken(): Promise<boolean> {
  const response = await send("/auth/me", { expectUnauthorized: true });
  if (!response.ok) return false;
  const me = (await response.json()) as { csrfToken?: string };
  if (!me.csrfToken) return false;
  csrfToken = me.csrfToken;
  return true;
}

/**
 * One JSON request. Only `call` (./call.ts) uses it: the answer's type comes from the route
 * table, never from the call site.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(path, options);
  if (!response.ok) {
    let error = await readError(response);
    // A stale token (another tab logged in again): fetch a fresh one and try once more.
    if (response.status === 403 && error.code === "CSRF_INVALID" && (await refreshCsrfToken())) {
      response = await send(path, options);
      if (!response.ok) error = await readError(response);
    }
    if (!response.ok) {
      if (response.status === 401 && !options.expectUnauthorized) unauthorizedHandler?.();
      throw new ApiError(response.status, error);
    }
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** "attachment; filename=\"x.docx\"; filename*=UTF-8''x.docx" → the file name, if any. */
function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
}

/**
 * A file from the API (a .docx, an .xlsx register) with the same errors as `api`, saved under
 * the server's file name (or `fallbackName`). Only `download` (./call.ts) uses it.
 */
export async function apiDownload(
  path: string,
  fallbackName: string,
  query?: Record<string, QueryValue>,
): Promise<{ fileName: string; blob: Blob }> {
  const response = await send(path, { ...(query ? { query } : {}) });
  if (!response.ok) {
    const error = await readError(response);
    if (response.status === 401) unauthorizedHandler?.();
    throw new ApiError(response.status, error);
  }
  const blob = await response.blob();
  return { fileName: fileNameOf(response.headers.get("content-disposition")) ?? fallbackName, blob };
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return ERROR_MESSAGES.INTERNAL_ERROR;
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
