/**
 * The route table: every HTTP operation of the API under /api, by id. The server registers each
 * entry with `route()` (packages/server/src/platform/http.ts); the web app calls them with
 * `call()` and `download()` (packages/web/src/api/). One entry per operation, per capability in
 * ./routes/.
 */
import type { Entry } from "./contract.ts";
import { ATTACHMENT_ROUTES } from "./routes/attachments.ts";
import { AUDIT_ROUTES } from "./routes/audit.ts";
import { AUTH_ROUTES } from "./routes/auth.ts";
import { CALENDAR_ROUTES } from "./routes/calendar.ts";
import { CASE_ROUTES } from "./routes/cases.ts";
import { DOCUMENT_ROUTES } from "./routes/documents.ts";
import { ORGANISATION_ROUTES } from "./routes/organisation.ts";
import { PETITION_FOLLOW_UP_ROUTES } from "./routes/petition-follow-up.ts";
import { PETITION_ROUTES } from "./routes/petitions.ts";
import { RECEPTION_ROUTES } from "./routes/reception.ts";
import { SYSTEM_ROUTES } from "./routes/system.ts";
import { USER_ROUTES } from "./routes/users.ts";
// Inspection plans, subjects and overlaps (issue 17).
import { INSPECTION_PLAN_ROUTES } from "./routes/inspection-plans.ts";
// inspections: the record, findings and follow-up (issue 17)
import { INSPECTION_ROUTES } from "./routes/inspections.ts";
// anticorruption
import { ANTICORRUPTION_ROUTES } from "./routes/anticorruption.ts";
// portal (issue 20)
import { PORTAL_ROUTES } from "./routes/portal.ts";
// periodic reports (issue 19)
import { REPORT_ROUTES } from "./routes/reports.ts";
// public consultation on draft regulations (issue 20)
import { CONSULTATION_ROUTES } from "./routes/consultations.ts";

export const ROUTES = {
  ...SYSTEM_ROUTES,
  ...AUTH_ROUTES,
  ...ORGANISATION_ROUTES,
  ...USER_ROUTES,
  ...AUDIT_ROUTES,
  ...CALENDAR_ROUTES,
  ...PETITION_ROUTES,
  ...PETITION_FOLLOW_UP_ROUTES,
  ...ATTACHMENT_ROUTES,
  ...DOCUMENT_ROUTES,
  ...RECEPTION_ROUTES,
  ...CASE_ROUTES,
  // Inspection plans, subjects and overlaps (issue 17).
  ...INSPECTION_PLAN_ROUTES,
  // inspections: the record, findings and follow-up (issue 17)
  ...INSPECTION_ROUTES,
  // anticorruption
  ...ANTICORRUPTION_ROUTES,
  // portal (issue 20)
  ...PORTAL_ROUTES,
  // periodic reports (issue 19)
  ...REPORT_ROUTES,
  // public consultation on draft regulations (issue 20)
  ...CONSULTATION_ROUTES,
};

export type Routes = typeof ROUTES;
export type RouteId = keyof Routes;

/** Every entry, for the tests and tools that walk the table. */
export const ROUTE_LIST: readonly Entry[] = Object.values(ROUTES);
