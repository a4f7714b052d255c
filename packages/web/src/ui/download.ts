import { apiDownload, type QueryValue } from "../api/client.ts";
import { downloadBlob } from "./export-file.ts";

/** Fetches a file from the API (errors as for any request) and saves it in the browser. */
export async function saveFromApi(path: string, fallbackName: string, query?: Record<string, QueryValue>) {
  const { fileName, blob } = await apiDownload(path, fallbackName, query);
  downloadBlob(fileName, blob);
  return fileName;
}
