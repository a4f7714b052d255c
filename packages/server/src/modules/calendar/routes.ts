import type { AppContext } from "../../platform/context.ts";
import type { Api } from "../../platform/http.ts";

export function calendarRoutes(_app: Api, _ctx: AppContext): void {}
