import type {
  CancelDocumentBody,
  ReturnDocumentBody,
  SubmitDocumentBody,
  UpdateDocumentBody,
} from "@minhbach/domain/api/documents";
import type { duplicateMatch, PetitionDetail, PetitionListItem } from "@minhbach/domain/api/petition-views";
import type { CreatePetitionBody, PetitionListQuery } from "@minhbach/domain/api/petitions";
import type { z } from "@minhbach/domain/api/zod-vi";
import type {
  CreatePetitionFieldBody,
  DestroyBatchBody,
  PetitionFieldView,
  RetentionDueItem,
  UpdatePetitionFieldBody,
} from "@minhbach/domain/api/petition-follow-up";
import { installFieldCatalog } from "@minhbach/domain";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, type Answer, type CallInput } from "../../api/call.ts";
import { saveDownload } from "../../ui/download.ts";

export type DuplicateMatch = z.infer<typeof duplicateMatch>;
export type { PetitionDetail, PetitionListItem };

export const PETITIONS_KEY = ["petitions"] as const;
export const DOCUMENTS_KEY = ["documents"] as const;

/**
 * A page of the list; `totalCapped`: more matches than the server counts (`total` is the cap);
 * `searchedAs`: how the search found its matches (null without a search, or when it found none).
 */
export type PetitionPage = Answer<"petitions.list">;

/** List filters as the query string carries them (lists as "a,b"). */
export type PetitionFilters = {
  [K in keyof Omit<PetitionListQuery, "page" | "pageSize">]?: string;
};

export function fetchPetitions(query: PetitionFilters & { page: number; pageSize: number }, signal?: AbortSignal) {
  return call("petitions.list", { query, signal });
}

export function usePetitions(query: PetitionFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...PETITIONS_KEY, "list", query],
    queryFn: ({ signal }) => fetchPetitions(query, signal),
    placeholderData: keepPreviousData,
  });
}

/** The home page's petition figures. */
export function usePetitionOverview() {
  return useQuery({
    queryKey: [...PETITIONS_KEY, "overview"],
    queryFn: ({ signal }) => call("petitions.overview", { signal }),
  });
}

/** Every page of the filtered list, for export. */
export async function fetchAllPetitions(filters: PetitionFilters, onProgress: (done: number, total: number) => void) {
  const pageSize = 200;
  const all: PetitionListItem[] = [];
  for (let page = 1; ; page++) {
    const result = await fetchPetitions({ ...filters, page, pageSize });
    all.push(...result.items);
    onProgress(all.length, result.total);
    if (result.items.length < pageSize || all.length >= result.total) return all;
  }
}

/** A transferred or guided petition waiting for an answer (GET /petitions/awaiting). */
export type AwaitingItem = Answer<"petitions.awaiting">["items"][number];

export function useAwaiting() {
  return useQuery({
    queryKey: [...PETITIONS_KEY, "awaiting"],
    queryFn: ({ signal }) => call("petitions.awaiting", { signal }),
    select: (data) => data.items,
  });
}

export function usePetition(id: string) {
  return useQuery({
    queryKey: [...PETITIONS_KEY, "detail", id],
    queryFn: ({ signal }) => call("petitions.get", { params: { id }, signal }),
  });
}

export function usePetitionDuplicates(id: string) {
  return useQuery({
    queryKey: [...PETITIONS_KEY, "detail", id, "duplicates"],
    queryFn: ({ signal }) => call("petitions.duplicates", { params: { id }, signal }),
    select: (data) => data.items,
  });
}

export interface DuplicateProbe {
  petitioners: CreatePetitionBody["petitioners"];
  respondents: CreatePetitionBody["respondents"];
  content: string;
  fieldCode?: string | null;
}

export function findDuplicates(probe: DuplicateProbe, signal?: AbortSignal) {
  return call("petitions.findDuplicates", { body: probe, signal });
}

export function useCreatePetition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePetitionBody) => call("petitions.create", { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PETITIONS_KEY }),
  });
}

function usePetitionMutation<Id extends "petitions.classify" | "petitions.outcome" | "petitions.joinMatter">(
  operation: Id,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CallInput<Id>["body"] }) =>
      call(operation as "petitions.classify", {
        params: { id },
        body: body as CallInput<"petitions.classify">["body"],
      }) as Promise<Answer<Id>>,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: PETITIONS_KEY }),
        queryClient.invalidateQueries({ queryKey: DOCUMENTS_KEY }),
      ]),
  });
}

export function useClassifyPetition() {
  return usePetitionMutation("petitions.classify");
}

export function useApplyOutcome() {
  return usePetitionMutation("petitions.outcome");
}

export function useJoinMatter() {
  return usePetitionMutation("petitions.joinMatter");
}

/** The steps after an outcome, by the path of their route. */
export type PetitionStep = "dispatch" | "urge" | "feedback" | "close" | "destroy";

/** The petition after the step, where it went, the draft the step wrote (urging letter…). */
export type StepResult = Answer<"petitions.dispatch">;

export function usePetitionStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, step, body }: { id: string; step: PetitionStep; body: Record<string, unknown> }) =>
      // The step's form assembles its body; the server checks it against the step's schema.
      call(`petitions.${step}`, { params: { id }, body: body as CallInput<`petitions.${PetitionStep}`>["body"] }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PETITIONS_KEY }),
  });
}

// ---- Official documents ------------------------------------------------------------------------

export function useEntityDocuments(entityType: string, entityId: string) {
  return useQuery({
    queryKey: [...DOCUMENTS_KEY, "entity", entityType, entityId],
    queryFn: ({ signal }) => call("documents.list", { query: { entityType, entityId }, signal }),
    select: (data) => data.items,
  });
}

export function useDocument(id: string | null) {
  return useQuery({
    queryKey: [...DOCUMENTS_KEY, "one", id],
    queryFn: ({ signal }) => call("documents.get", { params: { id: id ?? "" }, signal }),
    enabled: id !== null,
  });
}

export function useUpdateDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateDocumentBody }) =>
      call("documents.update", { params: { id }, body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: DOCUMENTS_KEY }),
        queryClient.invalidateQueries({ queryKey: PETITIONS_KEY }),
      ]),
  });
}

// Issuing writes the number into the record the paper belongs to (a case step, a petition): every view refreshes.
export function useIssueDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, issuedOn }: { id: string; issuedOn?: string | undefined }) =>
      call("documents.issue", { params: { id }, body: issuedOn ? { issuedOn } : {} }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useDocumentSigners(id: string | null) {
  return useQuery({
    queryKey: [...DOCUMENTS_KEY, "signers", id],
    queryFn: ({ signal }) => call("documents.signers", { params: { id: id! }, signal }),
    enabled: id !== null,
  });
}

export function useSubmitDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: SubmitDocumentBody }) =>
      call("documents.submit", { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useReturnDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReturnDocumentBody }) =>
      call("documents.return", { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useCancelDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CancelDocumentBody }) =>
      call("documents.cancel", { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

// ---- Follow-up: retention, destruction, server export ----------------------------------------

export type { PetitionFieldView, RetentionDueItem };

export function useRetentionDue() {
  return useQuery({
    queryKey: [...PETITIONS_KEY, "retention-due"],
    queryFn: ({ signal }) => call("petitions.retentionDue", { signal }),
    select: (data) => data.items,
  });
}

export function useDestroyPetitions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DestroyBatchBody) => call("petitions.destroyBatch", { body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: PETITIONS_KEY }),
        queryClient.invalidateQueries({ queryKey: DOCUMENTS_KEY }),
      ]),
  });
}

/** Every petition matching the filters, as the server writes it (up to 50,000 rows). */
export function downloadPetitionsXlsx(filters: PetitionFilters, fallbackName: string) {
  return saveDownload("petitions.export", { query: filters }, fallbackName);
}

// ---- Field catalogue -------------------------------------------------------------------------

const FIELDS_KEY = ["petition-fields"] as const;

export function usePetitionFields() {
  return useQuery({
    queryKey: FIELDS_KEY,
    queryFn: ({ signal }) => call("petitionFields.list", { signal }),
    select: (data) => data.items,
  });
}

export function useSavePetitionField() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      input: { code: null; body: CreatePetitionFieldBody } | { code: string; body: UpdatePetitionFieldBody },
    ) =>
      input.code === null
        ? call("petitionFields.create", { body: input.body })
        : call("petitionFields.update", { params: { code: input.code }, body: input.body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: FIELDS_KEY }),
        queryClient.invalidateQueries({ queryKey: CATALOG_KEY }),
      ]),
  });
}

export function useDeletePetitionField() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => call("petitionFields.delete", { params: { code } }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: FIELDS_KEY }),
        queryClient.invalidateQueries({ queryKey: CATALOG_KEY }),
      ]),
  });
}

const CATALOG_KEY = ["field-catalog"] as const;

/**
 * Installs the installation's field catalogue (as administrators keep it) for every picker, label
 * and form check of the web app; until it arrives, the catalogue shipped with the program serves.
 */
export function useFieldCatalogSync(enabled: boolean): void {
  const query = useQuery({
    queryKey: CATALOG_KEY,
    enabled,
    staleTime: 5 * 60_000,
    queryFn: ({ signal }) => call("petitions.fields", { signal }),
  });
  if (query.data && installed !== query.data) {
    installed = query.data;
    installFieldCatalog(
      query.data.items.map((f) => ({
        code: f.code,
        name: f.name,
        group: f.group,
        reportGroup: f.reportGroup,
        ...(f.active ? {} : { retired: true }),
      })),
    );
  }
}

let installed: unknown = null;
