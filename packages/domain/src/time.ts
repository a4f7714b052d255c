/** Dates in Vietnam time (UTC+7, no daylight saving): the legal day starts at 00:00 in Hà Nội. */
export const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Today's date in Vietnam as 'YYYY-MM-DD'. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' → 'dd/mm/yyyy' for Vietnamese display. */
export function formatDateVn(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split("-");
  return `${d}/${m}/${y}`;
}
