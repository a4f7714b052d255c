import { z } from "./zod-vi.ts";

export const attachmentView = z.object({
  id: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number(),
  sha256: z.string(),
  description: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  encrypted: z.boolean(),
  actions: z.array(z.enum(["download", "delete"])),
});
export type AttachmentView = z.infer<typeof attachmentView>;

/** The files of a record, what may be uploaded and whether the caller may. */
export const attachmentList = z.object({
  items: z.array(attachmentView),
  canUpload: z.boolean(),
  maxUploadBytes: z.number(),
  maxFiles: z.number(),
  accept: z.array(z.string()),
});
export type AttachmentList = z.infer<typeof attachmentList>;
