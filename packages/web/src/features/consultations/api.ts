import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, type Answer, type CallInput } from "../../api/call.ts";

export type ConsultationView = Answer<"consultations.get">;
export type ConsultationItem = Answer<"consultations.list">["items"][number];

const KEY = ["consultations"] as const;

export function useConsultations() {
  return useQuery({
    queryKey: [...KEY, "list"],
    queryFn: ({ signal }) => call("consultations.list", { query: {}, signal }),
  });
}

export function useConsultation(id: string) {
  return useQuery({
    queryKey: [...KEY, "one", id],
    queryFn: ({ signal }) => call("consultations.get", { params: { id }, signal }),
  });
}

export function useScopeAgencies() {
  return useQuery({
    queryKey: [...KEY, "agencies"],
    queryFn: ({ signal }) => call("agencies.list", { query: {}, signal }),
  });
}

/** Every change answers the whole consultation: it replaces the cached one. */
function useChange<I>(run: (input: I) => Promise<ConsultationView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (view) => {
      queryClient.setQueryData([...KEY, "one", view.id], view);
      void queryClient.invalidateQueries({ queryKey: [...KEY, "list"] });
    },
  });
}

export function useCreateConsultation() {
  return useChange((body: CallInput<"consultations.create">["body"]) => call("consultations.create", { body }));
}

export function useConsultationStep(id: string) {
  return useChange((step: "open" | "close" | "summary") =>
    step === "summary"
      ? call("consultations.summary.publish", { params: { id } })
      : call(`consultations.${step}`, { params: { id } }),
  );
}

export function useAddVersion(id: string) {
  return useChange((body: { text: string; note: string }) =>
    call("consultations.versions.add", { params: { id }, body }),
  );
}

export function useModerate(id: string) {
  return useChange((input: { commentId: string; decision: "publish" | "hide"; reason?: string }) =>
    call("consultations.comments.moderate", {
      params: { id, commentId: input.commentId },
      body: { decision: input.decision, ...(input.reason ? { reason: input.reason } : {}) },
    }),
  );
}

export function useRespond(id: string) {
  return useChange(
    (body: { commentIds: string[]; outcome: "accepted" | "partly" | "not_accepted"; explanation: string }) =>
      call("consultations.responses.add", { params: { id }, body }),
  );
}
