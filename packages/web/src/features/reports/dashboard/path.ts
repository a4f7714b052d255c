/** The reports dashboard's address (its own module, so the reports page links to it without loading the charts). */
export const DASHBOARD_PATH = "/bang-dieu-khien-bao-cao";
