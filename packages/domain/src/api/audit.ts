import { isoDate, pageQuery, uuid } from "./common.ts";
import { z } from "./zod-vi.ts";

export const auditEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** The object as officers know it (a petition's code, a user's name); null when it is gone. */
  entityLabel: z.string().nullable(),
  /** What the action changed or concerned: its keys differ for every action, genuinely open (JSON). */
  summary: z.record(z.string(), z.json()),
  clientIp: z.string().nullable(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof auditEvent>;

export const auditQuery = pageQuery.extend({
  from: isoDate.optional(),
  to: isoDate.optional(),
  action: z.string().trim().max(80).optional(),
  entityType: z.string().trim().max(80).optional(),
  actorId: uuid.optional(),
  q: z.string().trim().max(100).optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ id: z.number().int(), reason: z.string() }).nullable(),
});
