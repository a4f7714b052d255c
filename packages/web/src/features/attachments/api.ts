/**
 * Attachments over the API. Listing and deleting go through the shared client; uploads use
 * XMLHttpRequest for its upload progress, with the same CSRF header and error shape.
 */
import { ERROR_MESSAGES, type ApiErrorBody } from "@minhbach/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AttachmentList, AttachmentView } from "@minhbach/domain/api/attachments";
import { call, urlOf, type Answer } from "../../api/call.ts";
import { ApiError, setCsrfToken } from "../../api/client.ts";
import { ME_KEY } from "../auth/session.tsx";
import { ATTACHMENT_TEXT } from "./text.ts";

export type Attachment = AttachmentView;
/** The files, whether the caller may upload, the limits, and `accept`: extensions for the picker. */
export type { AttachmentList };

export const ATTACHMENTS_KEY = ["attachments"] as const;

/**
 * The record that holds the files, as its API path: "petitions/<id>", "cases/<id>",
 * "inspections/<id>", or "inspection-recoveries/<id>" (the evidence of a partial recovery).
 */
type OwnerKind = "petitions" | "cases" | "inspections" | "inspection-recoveries";
export type AttachmentOwner = `${OwnerKind}/${string}`;

/** Each kind's list and upload entries of the route table. */
const OWNER_ROUTES = {
  petitions: { list: "petitions.attachments.list", upload: "petitions.attachments.upload" },
  cases: { list: "cases.attachments.list", upload: "cases.attachments.upload" },
  inspections: { list: "inspections.attachments.list", upload: "inspections.attachments.upload" },
  "inspection-recoveries": {
    list: "inspectionFollowUp.recoveries.attachments.list",
    upload: "inspectionFollowUp.recoveries.attachments.upload",
  },
} as const;

function ownerOf(owner: AttachmentOwner): { kind: OwnerKind; id: string } {
  const slash = owner.indexOf("/");
  return { kind: owner.slice(0, slash) as OwnerKind, id: owner.slice(slash + 1) };
}

export function useAttachments(owner: AttachmentOwner) {
  return useQuery({
    queryKey: [...ATTACHMENTS_KEY, owner],
    queryFn: ({ signal }) => {
      const { kind, id } = ownerOf(owner);
      return call(OWNER_ROUTES[kind].list, { params: { id }, signal });
    },
  });
}

/** The URL of a file's content, for links. */
export function downloadUrl(id: string): string {
  return urlOf("attachments.download", { params: { id } });
}

export function useDeleteAttachment(owner: AttachmentOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call("attachments.delete", { params: { id } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...ATTACHMENTS_KEY, owner] }),
  });
}

export interface UploadInput {
  files: File[];
  description: string;
  /** 0…1 while the bytes are sent. */
  onProgress(fraction: number): void;
  signal: AbortSignal;
}

function fallbackError(status: number): ApiErrorBody {
  if (status === 401) return { code: "UNAUTHENTICATED", message: ERROR_MESSAGES.UNAUTHENTICATED };
  if (status === 403) return { code: "FORBIDDEN", message: ERROR_MESSAGES.FORBIDDEN };
  if (status === 413) return { code: "BODY_TOO_LARGE", message: ATTACHMENT_TEXT.tooLargeForServer };
  return { code: "INTERNAL_ERROR", message: ERROR_MESSAGES.INTERNAL_ERROR };
}

function post(
  url: string,
  form: FormData,
  csrfToken: string | null,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new DOMException("Aborted", "AbortError"));
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("Accept", "application/json");
    if (csrfToken) xhr.setRequestHeader("X-CSRF-Token", csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // not JSON: a proxy's page
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new ApiError(0, { code: "NETWORK", message: ATTACHMENT_TEXT.network }));
    xhr.onabort = () => reject(new DOMException("Aborted", "AbortError"));
    signal.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

function errorBody(status: number, body: unknown): ApiErrorBody {
  const b = body as Partial<ApiErrorBody> | null;
  if (b && typeof b.code === "string" && typeof b.message === "string") {
    return { code: b.code, message: b.message, ...(b.field ? { field: b.field } : {}) };
  }
  return fallbackError(status);
}

export function useUploadAttachments(owner: AttachmentOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ files, description, onProgress, signal }: UploadInput) => {
      // Multipart with upload progress: XMLHttpRequest, to the address of the owner's entry.
      const { kind, id } = ownerOf(owner);
      const url = urlOf(OWNER_ROUTES[kind].upload, { params: { id } });
      const form = new FormData();
      if (description.trim()) form.append("description", description.trim());
      for (const file of files) form.append("files", file, file.name);
      const token = () => queryClient.getQueryData<Answer<"auth.me"> | null>(ME_KEY)?.csrfToken ?? null;
      let result = await post(url, form, token(), onProgress, signal);
      // A stale token (another tab logged in again): take a fresh one and send once more.
      if (result.status === 403 && errorBody(403, result.body).code === "CSRF_INVALID") {
        const me = await call("auth.me", { expectUnauthorized: true });
        setCsrfToken(me.csrfToken);
        queryClient.setQueryData(ME_KEY, me);
        onProgress(0);
        result = await post(url, form, me.csrfToken, onProgress, signal);
      }
      if (result.status === 401) void queryClient.invalidateQueries({ queryKey: ME_KEY });
      if (result.status !== 201) throw new ApiError(result.status, errorBody(result.status, result.body));
      return (result.body as Answer<"petitions.attachments.upload">).items;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...ATTACHMENTS_KEY, owner] }),
  });
}
