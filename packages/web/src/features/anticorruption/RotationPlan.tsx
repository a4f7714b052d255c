import {
  ANNOUNCEMENT_FORM_LABELS,
  ANNOUNCEMENT_FORMS,
  DEFERRAL_KINDS,
  DEFERRAL_LABELS,
  ROTATION_OUTCOME_LABELS,
  type AnnouncementForm,
  type DeferralKind,
  type RotationOutcome,
} from "@minhbach/domain";
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { call, type Answer } from "../../api/call.ts";
import { DateField } from "../../ui/DateField.tsx";
import { emptyToNull, reportServerError } from "../../ui/forms.ts";
import { formatDate, todayIso } from "../../ui/format.ts";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { useAppForm } from "../../ui/use-app-form.ts";
import { AC_KEY, useAcMutation, usePositions } from "./api.ts";
import { RecordTable } from "./RecordTable.tsx";
import { AC_TEXT } from "./text.ts";
import { FormActions } from "../../ui/FormActions.tsx";

type Row = Answer<"anticorruption.rotations.list">["items"][number];
const R = AC_TEXT.rotationPage;
const COLOR: Record<RotationOutcome, string> = { planned: "blue", done: "green", exempted: "gray", deferred: "violet" };

function outcomeDetail(r: Row): string {
  if (r.outcome === "done") return R.done(r.toPositionName ?? "", formatDate(r.outcomeOn), r.decisionNumber ?? "");
  if (r.outcome === "exempted") return R.exempted(formatDate(r.outcomeOn), r.reason ?? "");
  if (r.outcome === "deferred" && r.deferral)
    return R.deferred(DEFERRAL_LABELS[r.deferral.kind], formatDate(r.deferral.from), formatDate(r.deferral.to));
  return "";
}

/** The year's rotation plan and its execution: who, from which position, and the dated outcome. */
export function RotationPlan({ write, initialYear }: { write: boolean; initialYear: number }) {
  const [year, setYear] = useState<number>(initialYear);
  const [recording, setRecording] = useState<Row | null>(null);
  const list = useQuery({
    queryKey: [...AC_KEY, "rotations", year],
    queryFn: ({ signal }) => call("anticorruption.rotations.list", { query: { year }, signal }),
  });
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="h4" mb="xs">
        {R.execution(year)}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {R.executionHint}
      </Text>
      <NumberInput
        label={R.planYear}
        value={year}
        min={2019}
        max={2200}
        allowDecimal={false}
        thousandSeparator=""
        onChange={(v) => typeof v === "number" && v >= 2019 && v <= 2200 && setYear(v)}
        w={160}
        mb="sm"
      />
      <QueryStatus query={list} />
      {list.data ? (
        <SimpleGrid cols={{ base: 2, sm: 4 }} mb="sm" data-testid="ac-rotation-counts">
          {(["planned", "done", "exempted", "deferred"] as const).map((k) => (
            <Paper key={k} withBorder p="xs">
              <Text size="xs" c="dimmed">
                {R.counts[k]}
              </Text>
              <Text fw={700} fz="xl">
                {list.data.counts[k]}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      ) : null}
      {list.data ? <Announcement year={year} announcement={list.data.announcement} write={write} /> : null}
      <RecordTable<Row>
        rows={list.data?.items}
        testId="ac-rotation-plan"
        minWidth={900}
        empty={R.noPlan}
        columns={[
          {
            header: AC_TEXT.fullName,
            cell: (r) => (
              <>
                {r.fullName}
                <Text size="xs" c="dimmed">
                  {r.officialCode}
                </Text>
              </>
            ),
            sort: (r) => r.fullName,
          },
          { header: AC_TEXT.unit, cell: (r) => r.unitName, sort: (r) => r.unitName },
          { header: R.fromPosition, cell: (r) => r.fromPositionName, sort: (r) => r.fromPositionName },
          {
            header: R.plannedOn,
            cell: (r) => `${formatDate(r.plannedOn)}${r.planReference ? ` — ${r.planReference}` : ""}`,
            sort: (r) => r.plannedOn,
          },
          {
            header: R.outcome,
            cell: (r) => (
              <>
                <Badge color={COLOR[r.outcome]} variant="light">
                  {ROTATION_OUTCOME_LABELS[r.outcome]}
                </Badge>
                <Text size="xs">{outcomeDetail(r)}</Text>
              </>
            ),
            sort: (r) => `${r.outcome} ${r.outcomeOn ?? ""}`,
          },
          write && {
            header: AC_TEXT.actions,
            cell: (r) =>
              r.outcome === "planned" ? (
                <Button size="xs" variant="subtle" aria-label={R.recordFor(r.fullName)} onClick={() => setRecording(r)}>
                  {R.record}
                </Button>
              ) : null,
          },
        ]}
      />
      {recording ? <OutcomeModal row={recording} onClose={() => setRecording(null)} /> : null}
    </Paper>
  );
}

type Announced = NonNullable<Answer<"anticorruption.rotations.list">["announcement"]>;

/** When, how and where the year's plan was made public; a rotation is executed only after it. */
function Announcement({ year, announcement, write }: { year: number; announcement: Announced | null; write: boolean }) {
  const [editing, setEditing] = useState(false);
  return (
    <Alert
      color={announcement ? "green" : "orange"}
      mb="sm"
      title={R.announcement.title}
      data-testid="ac-rotation-announcement"
    >
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Text size="sm">
          {announcement
            ? R.announcement.shown(
                formatDate(announcement.announcedOn),
                ANNOUNCEMENT_FORM_LABELS[announcement.form],
                announcement.place,
                announcement.announcedBy,
              )
            : R.announcement.missing}
        </Text>
        {write ? (
          <Button size="xs" variant="light" onClick={() => setEditing(true)}>
            {announcement ? R.announcement.correct : R.announcement.record}
          </Button>
        ) : null}
      </Group>
      {editing ? <AnnouncementModal year={year} announcement={announcement} onClose={() => setEditing(false)} /> : null}
    </Alert>
  );
}

function AnnouncementModal({
  year,
  announcement,
  onClose,
}: {
  year: number;
  announcement: Announced | null;
  onClose(): void;
}) {
  const form = useAppForm({
    initialValues: {
      announcedOn: (announcement?.announcedOn ?? todayIso()) as string | null,
      form: (announcement?.form ?? null) as AnnouncementForm | null,
      place: announcement?.place ?? "",
      announcedBy: announcement?.announcedBy ?? "",
    },
  });
  const [error, setError] = useState<string | null>(null);
  const save = useAcMutation((v: typeof form.values) =>
    call("anticorruption.rotations.announce", {
      body: {
        year,
        announcedOn: v.announcedOn ?? "",
        form: v.form ?? ("" as AnnouncementForm),
        place: v.place,
        announcedBy: v.announcedBy,
        ...(announcement ? { version: announcement.version } : {}),
      },
    }),
  );
  return (
    <Modal opened onClose={onClose} title={R.announcement.modal(year)}>
      <form
        onSubmit={form.onSubmit((v) =>
          save.mutate(v, { onSuccess: onClose, onError: (e) => setError(reportServerError(form, e)) }),
        )}
      >
        <Stack gap="xs">
          <DateField label={R.announcement.on} required data-autofocus {...form.getInputProps("announcedOn")} />
          <Select
            label={R.announcement.form}
            required
            data={ANNOUNCEMENT_FORMS.map((f) => ({ value: f, label: ANNOUNCEMENT_FORM_LABELS[f] }))}
            {...form.getInputProps("form")}
          />
          <TextInput label={R.announcement.place} required {...form.getInputProps("place")} />
          <TextInput label={R.announcement.by} required {...form.getInputProps("announcedBy")} />
          {error ? (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          ) : null}
          <FormActions onCancel={onClose} submit={AC_TEXT.save} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Puts one person of the due list in a year's plan. */
export function PlanModal({
  official,
  year,
  onClose,
}: {
  official: { officialId: string; fullName: string };
  year: number;
  onClose(): void;
}) {
  const form = useAppForm({
    initialValues: { year: year as number | string, plannedOn: todayIso() as string | null, planReference: "" },
  });
  const [error, setError] = useState<string | null>(null);
  const save = useAcMutation((v: typeof form.values) =>
    call("anticorruption.rotations.plan", {
      body: {
        officialId: official.officialId,
        year: Number(v.year),
        plannedOn: v.plannedOn ?? "",
        planReference: emptyToNull(v.planReference),
      },
    }),
  );
  return (
    <Modal opened onClose={onClose} title={R.planFor(official.fullName)}>
      <form
        onSubmit={form.onSubmit((v) =>
          save.mutate(v, { onSuccess: onClose, onError: (e) => setError(reportServerError(form, e)) }),
        )}
      >
        <Stack gap="xs">
          <NumberInput
            label={R.planYear}
            required
            allowDecimal={false}
            thousandSeparator=""
            data-autofocus
            {...form.getInputProps("year")}
          />
          <DateField label={R.plannedOn} required {...form.getInputProps("plannedOn")} />
          <TextInput label={R.planReference} {...form.getInputProps("planReference")} />
          {error ? (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          ) : null}
          <FormActions onCancel={onClose} submit={AC_TEXT.save} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Records the event that closes a plan row: rotated, not rotated, or deferred. */
function OutcomeModal({ row, onClose }: { row: Row; onClose(): void }) {
  const positions = usePositions();
  const form = useAppForm({
    initialValues: {
      outcome: "done" as string | null,
      toPositionId: null as string | null,
      decisionNumber: "",
      decidedOn: null as string | null,
      executedOn: null as string | null,
      on: null as string | null,
      reason: "",
      kind: null as string | null,
      from: null as string | null,
      to: null as string | null,
      evidence: "",
    },
  });
  const [error, setError] = useState<string | null>(null);
  const save = useAcMutation((v: typeof form.values) =>
    call("anticorruption.rotations.outcome", {
      params: { id: row.id },
      body: {
        version: row.version,
        outcome: (v.outcome ?? "") as "done" | "exempted" | "deferred",
        ...(v.outcome === "done"
          ? {
              toPositionId: v.toPositionId ?? undefined,
              decisionNumber: emptyToNull(v.decisionNumber) ?? undefined,
              decidedOn: v.decidedOn ?? undefined,
              executedOn: v.executedOn ?? undefined,
            }
          : v.outcome === "exempted"
            ? {
                on: v.on ?? undefined,
                reason: emptyToNull(v.reason) ?? undefined,
                decisionNumber: emptyToNull(v.decisionNumber) ?? undefined,
              }
            : {
                kind: (v.kind ?? undefined) as DeferralKind | undefined,
                from: v.from ?? undefined,
                to: v.to ?? undefined,
                evidence: emptyToNull(v.evidence) ?? undefined,
              }),
      },
    }),
  );
  const outcome = form.values.outcome;
  return (
    <Modal opened onClose={onClose} title={R.recordFor(row.fullName)} size="lg">
      <form
        onSubmit={form.onSubmit((v) =>
          save.mutate(v, { onSuccess: onClose, onError: (e) => setError(reportServerError(form, e)) }),
        )}
      >
        <Stack gap="xs">
          <Text size="sm">
            {R.fromPosition}: {row.fromPositionName}
          </Text>
          <Select
            label={R.outcome}
            required
            allowDeselect={false}
            data={(["done", "exempted", "deferred"] as const).map((o) => ({
              value: o,
              label: ROTATION_OUTCOME_LABELS[o],
            }))}
            {...form.getInputProps("outcome")}
          />
          {outcome === "done" ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={R.toPosition}
                required
                searchable
                data={(positions.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
                {...form.getInputProps("toPositionId")}
              />
              <TextInput label={R.decisionNumber} required {...form.getInputProps("decisionNumber")} />
              <DateField label={R.decidedOn} required {...form.getInputProps("decidedOn")} />
              <DateField label={R.executedOn} required {...form.getInputProps("executedOn")} />
            </SimpleGrid>
          ) : outcome === "exempted" ? (
            <>
              <DateField label={R.exemptOn} required {...form.getInputProps("on")} />
              <TextInput label={R.decisionNumber} {...form.getInputProps("decisionNumber")} />
              <Textarea label={R.reason} required autosize minRows={2} {...form.getInputProps("reason")} />
            </>
          ) : (
            <>
              <Select
                label={R.kind}
                required
                data={DEFERRAL_KINDS.map((k) => ({ value: k, label: DEFERRAL_LABELS[k] }))}
                {...form.getInputProps("kind")}
              />
              <Group grow>
                <DateField label={R.deferFrom} required {...form.getInputProps("from")} />
                <DateField label={R.deferTo} required {...form.getInputProps("to")} />
              </Group>
              <TextInput label={R.evidence} required {...form.getInputProps("evidence")} />
            </>
          )}
          {error ? (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          ) : null}
          <FormActions onCancel={onClose} submit={AC_TEXT.save} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
