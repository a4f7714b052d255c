import { apiError } from "../common.ts";

/** The error answers of a signed-in operation that reads or changes one record. */
export const recordErrors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError } as const;
/** The error answers of a signed-in operation on no particular record. */
export const listErrors = { 400: apiError, 401: apiError, 403: apiError } as const;
