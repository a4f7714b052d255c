import { download, type CallInput, type FileRouteId } from "../api/call.ts";
import { downloadBlob } from "./export-file.ts";

/** Fetches a file operation of the API (errors as for any call) and saves it in the browser. */
export async function saveDownload<Id extends FileRouteId>(id: Id, input: CallInput<Id>, fallbackName: string) {
  const { fileName, blob } = await download(id, input, fallbackName);
  downloadBlob(fileName, blob);
  return fileName;
}
