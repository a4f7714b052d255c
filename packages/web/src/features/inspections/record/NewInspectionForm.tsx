/**
 * Proposing an inspection (the draft of its decision): its kind and ground — an ad hoc one with
 * its trigger (a sign of violation, a superior's assignment, or a complaint or denunciation case
 * of this system picked from the list), a re-inspection linked to the inspection it re-examines
 * with its ground, a planned one from an item of the issued plan, a specialised check — its
 * subjects from the registry, and the overlaps of the year shown as the subjects are chosen,
 * before anything is saved.
 */
import {
  AD_HOC_TRIGGER_LABELS,
  AD_HOC_TRIGGERS,
  INSPECTION_KIND_LABELS,
  INSPECTION_KINDS,
  REINSPECTION_GROUND_LABELS,
  REINSPECTION_GROUNDS,
} from "@minhbach/domain";
import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { call } from "../../../api/call.ts";
import { reportServerError } from "../../../ui/forms.ts";
import { useAppForm } from "../../../ui/use-app-form.ts";
import { usePlan, usePlans, useSubjectSearch } from "../plans/api.ts";
import { INSPECTIONS_KEY } from "./api.ts";
import { NEW_INSPECTION_TEXT as T } from "./text.ts";

interface Values {
  kind: string;
  year: number | string;
  title: string;
  content: string;
  contentField: string;
  periodCovered: string;
  online: boolean;
  subjectIds: string[];
  trigger: string | null;
  violationSign: string;
  triggerNote: string;
  triggerCaseId: string | null;
  reinspectsId: string | null;
  reinspectionGround: string | null;
  planId: string | null;
  planItemId: string | null;
}

const blank = (v: string) => (v.trim() ? v.trim() : null);

/** The plans of the year and the items of the chosen one (issued or being adjusted). */
function usePlanItems(year: number, planId: string | null) {
  const plans = usePlans(year).data?.items ?? [];
  const issued = plans.filter((p) => p.status !== "draft" || p.revision > 0);
  const chosen = planId ?? issued[0]?.id ?? null;
  const plan = usePlan(chosen ?? "");
  const items = chosen && plan.data ? plan.data.items.filter((i) => !i.cancelled) : [];
  return { plans: issued, chosen, items };
}

export function NewInspectionForm({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [subjectQuery, setSubjectQuery] = useState("");
  const [caseQuery, setCaseQuery] = useState("");
  const [known, setKnown] = useState<Record<string, string>>({});
  const form = useAppForm<Values>({
    initialValues: {
      kind: "ad_hoc",
      year: new Date().getFullYear(),
      title: "",
      content: "",
      contentField: "",
      periodCovered: "",
      online: false,
      subjectIds: [],
      trigger: null,
      violationSign: "",
      triggerNote: "",
      triggerCaseId: null,
      reinspectsId: null,
      reinspectionGround: null,
      planId: null,
      planItemId: null,
    },
  });
  const v = form.values;
  const year = Number(v.year) || new Date().getFullYear();
  const subjects = useSubjectSearch(subjectQuery).data?.items ?? [];
  const subjectData = [
    ...v.subjectIds.map((id) => ({ value: id, label: known[id] ?? id })),
    ...subjects
      .filter((s) => !v.subjectIds.includes(s.id))
      .map((s) => ({ value: s.id, label: s.taxCode ? `${s.name} (${s.taxCode})` : s.name })),
  ];
  const cases = useQuery({
    queryKey: ["cases", "list", "inspection-trigger", caseQuery],
    queryFn: ({ signal }) =>
      call("cases.list", { query: { q: caseQuery || undefined, pageSize: 50, sort: "received_on" }, signal }),
    enabled: v.kind === "ad_hoc" && v.trigger === "case",
    placeholderData: keepPreviousData,
    retry: false,
  });
  const earlier = useQuery({
    queryKey: [...INSPECTIONS_KEY, "list", "concluded"],
    queryFn: ({ signal }) =>
      call("inspections.list", { query: { pageSize: 200, sort: "code", order: "desc" }, signal }),
    select: (data) => data.items.filter((i) => i.signedOn !== null),
    enabled: v.kind === "re_inspection",
  });
  const planItems = usePlanItems(year, v.planId);
  const check = useQuery({
    queryKey: [...INSPECTIONS_KEY, "overlap-check", v.kind, year, v.subjectIds, v.contentField, v.planItemId],
    queryFn: ({ signal }) =>
      call("inspections.overlapCheck", {
        body: {
          kind: v.kind as never,
          year,
          subjectIds: v.subjectIds,
          contentField: blank(v.contentField),
          planItemId: v.kind === "planned" ? v.planItemId : null,
        },
        signal,
      }),
    enabled: v.subjectIds.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const create = useMutation({
    mutationFn: (values: Values) =>
      call("inspections.create", {
        body: {
          kind: values.kind as never,
          year,
          title: values.title,
          content: values.content,
          contentField: blank(values.contentField),
          periodCovered: blank(values.periodCovered),
          online: values.online,
          subjectIds: values.subjectIds,
          ...(values.kind === "ad_hoc"
            ? {
                trigger: values.trigger as never,
                violationSign: blank(values.violationSign),
                triggerNote: blank(values.triggerNote),
                triggerCaseId: values.trigger === "case" ? values.triggerCaseId : null,
              }
            : { violationSign: blank(values.violationSign) }),
          ...(values.kind === "re_inspection"
            ? { reinspectsId: values.reinspectsId, reinspectionGround: values.reinspectionGround as never }
            : {}),
          ...(values.kind === "planned" ? { planItemId: values.planItemId } : {}),
        },
      }),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: INSPECTIONS_KEY });
      void navigate(`/thanh-tra/${created.id}`);
    },
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await create.mutateAsync(values);
    } catch (error) {
      setFailure(reportServerError(form, error));
    }
  });
  const overlaps = check.data?.overlaps ?? [];
  const needsSign = check.data?.needsViolationSign ?? false;
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate data-testid="new-inspection-form">
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {T.title}
          </Title>
          {failure ? (
            <Alert color="red" role="alert" data-testid="new-inspection-error">
              {failure}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={T.kind}
              required
              allowDeselect={false}
              data={INSPECTION_KINDS.map((k) => ({ value: k, label: INSPECTION_KIND_LABELS[k] }))}
              {...form.getInputProps("kind")}
            />
            <NumberInput label={T.year} required min={2000} max={2200} {...form.getInputProps("year")} />
          </SimpleGrid>
          <TextInput label={T.name} required {...form.getInputProps("title")} />
          <Textarea label={T.content} required autosize minRows={2} {...form.getInputProps("content")} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={T.field} {...form.getInputProps("contentField")} />
            <TextInput
              label={T.period}
              placeholder="01/01/2024 - 31/12/2025"
              {...form.getInputProps("periodCovered")}
            />
          </SimpleGrid>
          <MultiSelect
            label={T.subjects}
            required
            searchable
            searchValue={subjectQuery}
            onSearchChange={setSubjectQuery}
            filter={({ options }) => options}
            data={subjectData}
            nothingFoundMessage={T.noSubject}
            value={v.subjectIds}
            error={form.errors.subjectIds}
            onChange={(ids) => {
              const labels = { ...known };
              for (const s of subjects) labels[s.id] = s.taxCode ? `${s.name} (${s.taxCode})` : s.name;
              setKnown(labels);
              form.setFieldValue("subjectIds", ids);
            }}
          />
          {overlaps.length ? (
            <Alert color={needsSign ? "orange" : "yellow"} title={T.overlaps} data-testid="new-inspection-overlaps">
              <List size="sm">
                {overlaps.map((o, i) => (
                  <List.Item key={i}>
                    {o.subjectName}: {o.kindLabel} ({o.agencyName}, {o.year}) — {o.basis}
                  </List.Item>
                ))}
              </List>
              {needsSign ? <Text size="sm">{T.needsSign}</Text> : null}
            </Alert>
          ) : null}

          {v.kind === "ad_hoc" ? (
            <>
              <Select
                label={T.trigger}
                required
                data={AD_HOC_TRIGGERS.map((t) => ({ value: t, label: AD_HOC_TRIGGER_LABELS[t] }))}
                {...form.getInputProps("trigger")}
              />
              {v.trigger === "superior" ? (
                <Textarea label={T.assignment} required {...form.getInputProps("triggerNote")} />
              ) : null}
              {v.trigger === "case" ? (
                <Select
                  label={T.case}
                  required
                  searchable
                  searchValue={caseQuery}
                  onSearchChange={setCaseQuery}
                  filter={({ options }) => options}
                  nothingFoundMessage={cases.isError ? T.noCaseAccess : T.noCase}
                  data={(cases.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.code} — ${c.title}` }))}
                  {...form.getInputProps("triggerCaseId")}
                />
              ) : null}
            </>
          ) : null}
          {(v.kind === "ad_hoc" && v.trigger === "violation_sign") || needsSign ? (
            <Textarea
              label={T.violationSign}
              required={v.trigger === "violation_sign"}
              description={needsSign ? T.needsSign : undefined}
              {...form.getInputProps("violationSign")}
            />
          ) : null}

          {v.kind === "re_inspection" ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={T.reinspects}
                required
                searchable
                nothingFoundMessage={T.noConcluded}
                data={(earlier.data ?? []).map((i) => ({ value: i.id, label: `${i.code} — ${i.title}` }))}
                {...form.getInputProps("reinspectsId")}
              />
              <Select
                label={T.reinspectionGround}
                required
                data={REINSPECTION_GROUNDS.map((g) => ({ value: g, label: REINSPECTION_GROUND_LABELS[g] }))}
                {...form.getInputProps("reinspectionGround")}
              />
            </SimpleGrid>
          ) : null}

          {v.kind === "planned" ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={T.plan}
                data={planItems.plans.map((p) => ({ value: p.id, label: `${p.title} (${p.agencyName})` }))}
                value={planItems.chosen}
                onChange={(id) => form.setValues({ planId: id, planItemId: null })}
                nothingFoundMessage={T.noPlan}
              />
              <Select
                label={T.planItem}
                required
                searchable
                nothingFoundMessage={T.noPlan}
                data={planItems.items.map((i) => ({
                  value: i.id,
                  label: `${i.seq}. ${i.subjects.map((s) => s.name).join("; ")} — ${i.content}`,
                }))}
                {...form.getInputProps("planItemId")}
                onChange={(id) => {
                  form.setFieldValue("planItemId", id);
                  const item = planItems.items.find((i) => i.id === id);
                  if (item) {
                    form.setFieldValue(
                      "subjectIds",
                      item.subjects.map((s) => s.id),
                    );
                    setKnown((k) => ({ ...k, ...Object.fromEntries(item.subjects.map((s) => [s.id, s.name])) }));
                    if (!v.content) form.setFieldValue("content", item.content);
                    if (!v.contentField && item.field) form.setFieldValue("contentField", item.field);
                  }
                }}
              />
            </SimpleGrid>
          ) : null}

          <Checkbox
            label={T.online}
            checked={v.online}
            onChange={(e) => form.setFieldValue("online", e.currentTarget.checked)}
          />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {T.save}
            </Button>
            <Button variant="subtle" onClick={onClose}>
              {T.cancel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
