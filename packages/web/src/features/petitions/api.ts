import type { OfficialDocument, DocumentSummary, UpdateDocumentBody } from "@minhbach/domain/api/documents";
import type {
  duplicateMatch,
  PetitionDetail,
  PetitionListItem,
  PetitionOverview,
  SearchedAs,
} from "@minhbach/domain/api/petition-views";
import type {
  ApplyOutcomeBody,
  ClassifyPetitionBody,
  CreatePetitionBody,
  PetitionListQuery,
} from "@minhbach/domain/api/petitions";
import type { z } from "@minhbach/domain/api/zod-vi";
import type {
  CreatePetitionFieldBody,
  DestroyBatchBody,
  PetitionFieldView,
  RetentionDueItem,
  UpdatePetitionFieldBody,
} from "@minhbach/domain/api/petition-follow-up";
import { installFieldCatalog, type FieldGroup, type ReportFieldGroup } from "@minhbach/domain";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { saveFromApi } from "../../ui/download.ts";

export type DuplicateMatch = z.infer<typeof duplicateMatch>;
export type { PetitionDetail, PetitionListItem };

export const PETITIONS_KEY = ["petitions"] as const;
export const DOCUMENTS_KEY = ["documents"] as const;

export interface PetitionPage {
  items: PetitionListItem[];
  total: number;
  /** More matches than the server counts: `total` is the cap. */
  totalCapped: boolean;
  /** How the search found its matches (null without a search, or when it found none). */
  searchedAs: SearchedAs | null;
  page: number;
  pageSize: number;
}

/** List filters as the query string carries them (lists as "a,b"). */
export type PetitionFilters = {
  [K in keyof Omit<PetitionListQuery, "page" | "pageSize">]?: string;
};

export function fetchPetitions(query: PetitionFilters & { page: number; pageSize: number }, signal?: AbortSignal) {
  return api<PetitionPage>("/petitions", { query, ...(signal ? { signal } : {}) });
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
    queryFn: ({ signal }) => api<PetitionOverview>("/petitions/overview", { signal }),
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
export interface AwaitingItem {
  petitionId: string;
  /** For urging straight from the list. */
  version: number;
  code: string;
  petitioner: string;
  status: string;
  since: string;
  daysWaiting: number;
  urgeCount: number;
  lastUrgedOn: string | null;
  reply: { rule: string; from: string; purpose: string };
  replyDue?: string;
  overdue?: boolean;
}

export function useAwaiting() {
  return useQuery({
    queryKey: [...PETITIONS_KEY, "awaiting"],
    queryFn: ({ signal }) => api<{ items: AwaitingItem[] }>("/petitions/awaiting", { signal }),
    select: (data) => data.items,
  });
}

export function usePetition(id: string) {
  return useQuery({
    queryKey: [...PETITIONS_KEY, "detail", id],
    queryFn: ({ signal }) => api<PetitionDetail>(`/petitions/${encodeURIComponent(id)}`, { signal }),
  });
}

export function usePetitionDuplicates(id: string) {
  return useQuery({
    queryKey: [...PETITIONS_KEY, "detail", id, "duplicates"],
    queryFn: ({ signal }) =>
      api<{ items: DuplicateMatch[] }>(`/petitions/${encodeURIComponent(id)}/duplicates`, { signal }),
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
  return api<{ items: DuplicateMatch[] }>("/petitions/duplicates", {
    method: "POST",
    body: probe,
    ...(signal ? { signal } : {}),
  });
}

export function useCreatePetition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePetitionBody) => api<{ id: string; code: string }>("/petitions", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PETITIONS_KEY }),
  });
}

function usePetitionMutation<B, R>(path: (id: string) => string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: B }) => api<R>(path(id), { method: "POST", body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: PETITIONS_KEY }),
        queryClient.invalidateQueries({ queryKey: DOCUMENTS_KEY }),
      ]),
  });
}

export function useClassifyPetition() {
  return usePetitionMutation<ClassifyPetitionBody, PetitionDetail>((id) => `/petitions/${id}/classify`);
}

export function useApplyOutcome() {
  return usePetitionMutation<ApplyOutcomeBody, { petition: PetitionDetail; documentId: string | null }>(
    (id) => `/petitions/${id}/outcome`,
  );
}

export function useJoinMatter() {
  return usePetitionMutation<{ version: number; petitionId: string }, PetitionDetail>(
    (id) => `/petitions/${id}/matter`,
  );
}

/** The steps after an outcome, by the path of their route. */
export type PetitionStep = "dispatch" | "urge" | "feedback" | "close" | "destroy";

export interface StepResult {
  petition: PetitionDetail;
  transferredTo: { id: string; code: string } | null;
  /** The draft the step wrote: the urging letter, the destruction decision. */
  documentId: string | null;
}

export function usePetitionStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, step, body }: { id: string; step: PetitionStep; body: Record<string, unknown> }) =>
      api<StepResult>(`/petitions/${encodeURIComponent(id)}/${step}`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PETITIONS_KEY }),
  });
}

// ---- Official documents ------------------------------------------------------------------------

export function useEntityDocuments(entityType: string, entityId: string) {
  return useQuery({
    queryKey: [...DOCUMENTS_KEY, "entity", entityType, entityId],
    queryFn: ({ signal }) =>
      api<{ items: DocumentSummary[] }>("/documents", { query: { entityType, entityId }, signal }),
    select: (data) => data.items,
  });
}

export function useDocument(id: string | null) {
  return useQuery({
    queryKey: [...DOCUMENTS_KEY, "one", id],
    queryFn: ({ signal }) => api<OfficialDocument>(`/documents/${encodeURIComponent(id ?? "")}`, { signal }),
    enabled: id !== null,
  });
}

export function useUpdateDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateDocumentBody }) =>
      api<OfficialDocument>(`/documents/${encodeURIComponent(id)}`, { method: "PATCH", body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: DOCUMENTS_KEY }),
        queryClient.invalidateQueries({ queryKey: PETITIONS_KEY }),
      ]),
  });
}

export function useIssueDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<OfficialDocument>(`/documents/${encodeURIComponent(id)}/issue`, { method: "POST", body: {} }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: DOCUMENTS_KEY }),
        queryClient.invalidateQueries({ queryKey: PETITIONS_KEY }),
      ]),
  });
}

// ---- Follow-up: retention, destruction, server export ----------------------------------------

export type { PetitionFieldView, RetentionDueItem };

export function useRetentionDue() {
  return useQuery({
    queryKey: [...PETITIONS_KEY, "retention-due"],
    queryFn: ({ signal }) => api<{ items: RetentionDueItem[] }>("/petitions/retention-due", { signal }),
    select: (data) => data.items,
  });
}

export function useDestroyPetitions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DestroyBatchBody) =>
      api<{ documentId: string; destroyed: { id: string; code: string }[] }>("/petitions/destroy", {
        method: "POST",
        body,
      }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: PETITIONS_KEY }),
        queryClient.invalidateQueries({ queryKey: DOCUMENTS_KEY }),
      ]),
  });
}

/** Every petition matching the filters, as the server writes it (up to 50,000 rows). */
export function downloadPetitionsXlsx(filters: PetitionFilters, fallbackName: string) {
  return saveFromApi("/petitions/export.xlsx", fallbackName, filters);
}

// ---- Field catalogue -------------------------------------------------------------------------

const FIELDS_KEY = ["petition-fields"] as const;

export function usePetitionFields() {
  return useQuery({
    queryKey: FIELDS_KEY,
    queryFn: ({ signal }) => api<{ items: PetitionFieldView[] }>("/petition-fields", { signal }),
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
        ? api<PetitionFieldView>("/petition-fields", { method: "POST", body: input.body })
        : api<PetitionFieldView>(`/petition-fields/${encodeURIComponent(input.code)}`, {
            method: "PATCH",
            body: input.body,
          }),
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
    mutationFn: (code: string) => api<void>(`/petition-fields/${encodeURIComponent(code)}`, { method: "DELETE" }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: FIELDS_KEY }),
        queryClient.invalidateQueries({ queryKey: CATALOG_KEY }),
      ]),
  });
}

const CATALOG_KEY = ["field-catalog"] as const;

interface CatalogItem {
  code: string;
  name: string;
  group: FieldGroup;
  reportGroup: ReportFieldGroup;
  active: boolean;
}

/**
 * Installs the installation's field catalogue (as administrators keep it) for every picker, label
 * and form check of the web app; until it arrives, the catalogue shipped with the program serves.
 */
export function useFieldCatalogSync(enabled: boolean): void {
  const query = useQuery({
    queryKey: CATALOG_KEY,
    enabled,
    staleTime: 5 * 60_000,
    queryFn: ({ signal }) => api<{ items: CatalogItem[] }>("/petitions/fields", { signal }),
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
