import {
  CASE_CHANNEL_LABELS,
  CASE_CHANNELS,
  formatDong,
  PERSON_HANDLING_LABELS,
  PERSON_HANDLINGS,
  type CaseChannel,
  type PersonHandling,
} from "@minhbach/domain";
import {
  Alert,
  Button,
  Checkbox,
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
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { call, type Answer } from "../../api/call.ts";
import { errorMessage } from "../../api/client.ts";
import { saveDownload } from "../../ui/download.ts";
import { DateField } from "../../ui/DateField.tsx";
import { emptyToNull, reportServerError } from "../../ui/forms.ts";
import { formatDate, formatNumber, todayIso } from "../../ui/format.ts";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { useAppForm } from "../../ui/use-app-form.ts";
import { AC_KEY, useAcMutation } from "./api.ts";
import { RecordTable } from "./RecordTable.tsx";
import { REC_TEXT } from "./records-text.ts";

const C = REC_TEXT.cases;
type CaseView = Answer<"anticorruption.cases.get">;
type CaseItem = Answer<"anticorruption.cases.list">["items"][number];
type Filters = { from: string | null; to: string | null; channel: string | null; transferred: string | null };

function queryOf(f: Filters, page: number) {
  return {
    from: f.from ?? undefined,
    to: f.to ?? undefined,
    channel: (f.channel ?? undefined) as CaseChannel | undefined,
    transferred: (f.transferred ?? undefined) as "yes" | "no" | undefined,
    page,
    pageSize: 50,
  };
}

/** Corruption cases detected (02/PCTN): filters, totals, the list, the .xlsx list, the form. */
export function CasesPanel({ write }: { write: boolean }) {
  const [filters, setFilters] = useState<Filters>({ from: null, to: null, channel: null, transferred: null });
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<CaseView | "new" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = useQuery({
    queryKey: [...AC_KEY, "cases", filters, page],
    queryFn: ({ signal }) => call("anticorruption.cases.list", { query: queryOf(filters, page), signal }),
  });
  const set = (patch: Partial<Filters>) => {
    setFilters({ ...filters, ...patch });
    setPage(1);
  };
  const open = (id: string) =>
    call("anticorruption.cases.get", { params: { id } }).then(setEditing, (e: unknown) => setError(errorMessage(e)));
  return (
    <Stack>
      <Paper withBorder p="md">
        <Group justify="space-between" wrap="wrap" mb="sm">
          <Title order={2} fz="h4">
            {C.title}
          </Title>
          <Group>
            <Button
              variant="default"
              onClick={() =>
                saveDownload(
                  "anticorruption.cases.export",
                  { query: queryOf(filters, 1) },
                  "Danh sách vụ việc tham nhũng.xlsx",
                ).catch((e: unknown) => setError(errorMessage(e)))
              }
            >
              {C.export}
            </Button>
            {write ? <Button onClick={() => setEditing("new")}>{C.add}</Button> : null}
          </Group>
        </Group>
        <Group align="flex-end" wrap="wrap" mb="sm">
          <DateField label={C.from} value={filters.from} onChange={(v) => set({ from: v })} clearable w={170} />
          <DateField label={C.to} value={filters.to} onChange={(v) => set({ to: v })} clearable w={170} />
          <Select
            label={C.channelFilter}
            data={CASE_CHANNELS.map((c) => ({ value: c, label: CASE_CHANNEL_LABELS[c] }))}
            value={filters.channel}
            onChange={(v) => set({ channel: v })}
            placeholder={C.all}
            clearable
            w={300}
          />
          <Select
            label={C.transferredFilter}
            data={[
              { value: "yes", label: C.transferredYes },
              { value: "no", label: C.transferredNo },
            ]}
            value={filters.transferred}
            onChange={(v) => set({ transferred: v })}
            placeholder={C.all}
            clearable
            w={200}
          />
        </Group>
        {error ? (
          <Alert color="red" role="alert" mb="sm">
            {error}
          </Alert>
        ) : null}
        <QueryStatus query={list} />
        {list.data ? (
          <>
            <SimpleGrid cols={{ base: 2, sm: 5 }} mb="sm" data-testid="ac-case-totals">
              <Figure label={C.totals.cases} value={formatNumber(list.data.totals.cases)} />
              <Figure label={C.totals.persons} value={formatNumber(list.data.totals.persons)} />
              <Figure label={C.totals.damageMoney} value={formatDong(list.data.totals.damageMoney)} />
              <Figure label={C.totals.recoveredMoney} value={formatDong(list.data.totals.recoveredMoney)} />
              <Figure label={C.totals.transferredCases} value={formatNumber(list.data.totals.transferredCases)} />
            </SimpleGrid>
            <RecordTable<CaseItem>
              rows={list.data.items}
              testId="ac-cases"
              minWidth={900}
              empty={C.none}
              paging={{ total: list.data.total, page, pageSize: 50, onChange: setPage }}
              columns={[
                { header: C.detectedOn, cell: (c) => formatDate(c.detectedOn), sort: (c) => c.detectedOn },
                { header: C.name, cell: (c) => c.name, sort: (c) => c.name },
                { header: C.concernedName, cell: (c) => c.concernedName, sort: (c) => c.concernedName },
                {
                  header: C.channel,
                  cell: (c) => CASE_CHANNEL_LABELS[c.channel],
                  sort: (c) => CASE_CHANNEL_LABELS[c.channel],
                },
                { header: C.personCount, cell: (c) => c.persons, sort: (c) => c.persons },
                { header: C.totals.damageMoney, cell: (c) => formatDong(c.damageMoney), sort: (c) => c.damageMoney },
                {
                  header: C.totals.recoveredMoney,
                  cell: (c) => formatDong(c.recoveredMoney),
                  sort: (c) => c.recoveredMoney,
                },
                {
                  header: C.transferredOn,
                  cell: (c) => (c.transferredOn ? `${formatDate(c.transferredOn)} — ${c.transferredTo}` : ""),
                  sort: (c) => c.transferredOn,
                },
                {
                  header: "",
                  cell: (c) => (
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => void open(c.id)}
                      aria-label={`${C.edit}: ${c.name}`}
                    >
                      {write ? C.edit : "Xem"}
                    </Button>
                  ),
                },
              ]}
            />
          </>
        ) : null}
      </Paper>
      {editing ? (
        <CaseModal current={editing === "new" ? null : editing} readOnly={!write} onClose={() => setEditing(null)} />
      ) : null}
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="xs">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Paper>
  );
}

interface PersonValues {
  officialId: string | null;
  /** The label of the official picked, for the picker (not sent). */
  officialLabel: string | null;
  fullName: string;
  jobTitle: string;
  handling: string | null;
  disciplineForm: string;
  handledOn: string | null;
  isHead: boolean;
}

const blankPerson = (): PersonValues => ({
  officialId: null,
  officialLabel: null,
  fullName: "",
  jobTitle: "",
  handling: "pending",
  disciplineForm: "",
  handledOn: null,
  isHead: false,
});

const moneyProps = {
  min: 0,
  allowNegative: false,
  allowDecimal: false,
  thousandSeparator: ".",
  decimalSeparator: ",",
  hideControls: true,
  inputMode: "numeric" as const,
};
const areaProps = { ...moneyProps, allowDecimal: true, decimalScale: 2, inputMode: "decimal" as const };
const num = (v: number | string) => (v === "" ? 0 : Number(v));

/** Records a case, or edits its handling, recoveries and transfer (with its version). */
function CaseModal({ current, readOnly, onClose }: { current: CaseView | null; readOnly: boolean; onClose(): void }) {
  const form = useAppForm({
    initialValues: {
      name: current?.name ?? "",
      concernedName: current?.concernedName ?? "",
      handlingBody: current?.handlingBody ?? "",
      summary: current?.summary ?? "",
      detectedOn: (current?.detectedOn ?? todayIso()) as string | null,
      channel: (current?.channel ?? null) as string | null,
      damageMoney: (current?.damageMoney ?? 0) as number | string,
      damageLandM2: (current?.damageLandM2 ?? 0) as number | string,
      recoveredMoney: (current?.recoveredMoney ?? 0) as number | string,
      recoveredLandM2: (current?.recoveredLandM2 ?? 0) as number | string,
      transferredOn: (current?.transferredOn ?? null) as string | null,
      transferredTo: current?.transferredTo ?? "",
      headsResponsible: (current?.headsResponsible ?? 0) as number | string,
      note: current?.note ?? "",
      inspectionId: current?.inspectionId ?? null,
      persons: (current?.persons ?? []).map((p): PersonValues => ({
        officialId: p.officialId,
        officialLabel: p.officialCode ? `${p.fullName} (${p.officialCode})` : null,
        fullName: p.fullName,
        jobTitle: p.jobTitle ?? "",
        handling: p.handling,
        disciplineForm: p.disciplineForm ?? "",
        handledOn: p.handledOn,
        isHead: p.isHead,
      })),
    },
  });
  const [error, setError] = useState<string | null>(null);
  const save = useAcMutation((v: typeof form.values) => {
    const body = {
      name: v.name,
      concernedAgencyId: null,
      concernedName: v.concernedName,
      handlingBody: v.handlingBody,
      summary: v.summary,
      detectedOn: v.detectedOn ?? "",
      channel: (v.channel ?? "") as CaseChannel,
      inspectionId: v.channel === "inspection" ? v.inspectionId : null,
      resolutionCaseId: current?.resolutionCaseId ?? null,
      damageMoney: num(v.damageMoney),
      damageLandM2: num(v.damageLandM2),
      recoveredMoney: num(v.recoveredMoney),
      recoveredLandM2: num(v.recoveredLandM2),
      transferredOn: v.transferredOn,
      transferredTo: emptyToNull(v.transferredTo),
      headsResponsible: num(v.headsResponsible),
      note: emptyToNull(v.note),
      persons: v.persons.map((p) => ({
        officialId: p.officialId,
        fullName: p.fullName,
        jobTitle: emptyToNull(p.jobTitle),
        handling: (p.handling ?? "") as PersonHandling,
        disciplineForm: emptyToNull(p.disciplineForm),
        handledOn: p.handledOn,
        isHead: p.isHead,
      })),
    };
    return current
      ? call("anticorruption.cases.update", {
          params: { id: current.id },
          body: { version: current.version, case: body },
        })
      : call("anticorruption.cases.create", { body });
  });
  return (
    <Modal opened onClose={onClose} title={current ? C.editTitle(current.name) : C.addTitle} size="xl">
      <form
        onSubmit={form.onSubmit((v) =>
          save.mutate(v, { onSuccess: onClose, onError: (e) => setError(reportServerError(form, e)) }),
        )}
      >
        <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
          <Stack gap="xs">
            <TextInput label={C.name} required data-autofocus {...form.getInputProps("name")} />
            <Group grow wrap="wrap">
              <TextInput label={C.concernedName} required {...form.getInputProps("concernedName")} />
              <TextInput label={C.handlingBody} required {...form.getInputProps("handlingBody")} />
            </Group>
            <Group grow wrap="wrap">
              <DateField label={C.detectedOn} required {...form.getInputProps("detectedOn")} />
              <Select
                label={C.channel}
                required
                data={CASE_CHANNELS.map((c) => ({ value: c, label: CASE_CHANNEL_LABELS[c] }))}
                {...form.getInputProps("channel")}
              />
            </Group>
            {form.values.channel === "inspection" ? (
              <InspectionPicker
                current={current?.inspection ?? null}
                readOnly={readOnly}
                value={form.values.inspectionId}
                onChange={(id) => form.setFieldValue("inspectionId", id)}
                error={form.errors.inspectionId}
              />
            ) : null}
            <Textarea label={C.summary} autosize minRows={2} {...form.getInputProps("summary")} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput label={C.damageMoney} {...moneyProps} {...form.getInputProps("damageMoney")} />
              <NumberInput label={C.recoveredMoney} {...moneyProps} {...form.getInputProps("recoveredMoney")} />
              <NumberInput label={C.damageLandM2} {...areaProps} {...form.getInputProps("damageLandM2")} />
              <NumberInput label={C.recoveredLandM2} {...areaProps} {...form.getInputProps("recoveredLandM2")} />
              <DateField label={C.transferredOn} clearable {...form.getInputProps("transferredOn")} />
              <TextInput label={C.transferredTo} {...form.getInputProps("transferredTo")} />
            </SimpleGrid>
            <NumberInput
              label={C.headsResponsible}
              {...moneyProps}
              maw={320}
              {...form.getInputProps("headsResponsible")}
            />
            <Title order={3} fz="h5" mt="sm">
              {C.persons}
            </Title>
            {form.values.persons.map((p, i) => (
              <Paper withBorder p="xs" key={i}>
                <OfficialPicker
                  index={i}
                  value={p.officialId}
                  label={p.officialLabel}
                  readOnly={readOnly}
                  error={form.getInputProps(`persons.${i}.officialId`).error as string | undefined}
                  onPick={(o) =>
                    form.setFieldValue(`persons.${i}`, {
                      ...p,
                      officialId: o?.id ?? null,
                      officialLabel: o ? `${o.fullName} (${o.code})` : null,
                      ...(o ? { fullName: o.fullName, jobTitle: o.currentPosition ?? p.jobTitle } : {}),
                    })
                  }
                />
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput label={C.fullName} required {...form.getInputProps(`persons.${i}.fullName`)} />
                  <TextInput label={C.jobTitle} {...form.getInputProps(`persons.${i}.jobTitle`)} />
                  <Select
                    label={C.handling}
                    required
                    data={PERSON_HANDLINGS.map((h) => ({ value: h, label: PERSON_HANDLING_LABELS[h] }))}
                    {...form.getInputProps(`persons.${i}.handling`)}
                  />
                  {p.handling === "discipline" ? (
                    <TextInput
                      label={C.disciplineForm}
                      required
                      {...form.getInputProps(`persons.${i}.disciplineForm`)}
                    />
                  ) : null}
                  <DateField label={C.handledOn} clearable {...form.getInputProps(`persons.${i}.handledOn`)} />
                  <Checkbox
                    mt="lg"
                    label={C.isHead}
                    {...form.getInputProps(`persons.${i}.isHead`, { type: "checkbox" })}
                  />
                </SimpleGrid>
                <Group justify="flex-end">
                  <Button size="xs" variant="subtle" color="red" onClick={() => form.removeListItem("persons", i)}>
                    {C.removePerson(i + 1)}
                  </Button>
                </Group>
              </Paper>
            ))}
            <Group>
              <Button variant="default" size="xs" onClick={() => form.insertListItem("persons", blankPerson())}>
                {C.addPerson}
              </Button>
            </Group>
            <Textarea label={C.note} autosize minRows={1} {...form.getInputProps("note")} />
            {error ? (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            ) : null}
          </Stack>
        </fieldset>
        <Group justify="flex-end" mt="sm">
          <Button variant="subtle" onClick={onClose}>
            {REC_TEXT.cancel}
          </Button>
          {readOnly ? null : (
            <Button type="submit" loading={save.isPending}>
              {REC_TEXT.save}
            </Button>
          )}
        </Group>
      </form>
    </Modal>
  );
}

/**
 * The inspection a case came from, among those of the recording agency and the units under it
 * (the server refuses any other). Searched by code or title as the officer types.
 */
function InspectionPicker({
  value,
  onChange,
  error,
  current,
  readOnly,
}: {
  value: string | null;
  onChange(value: string | null): void;
  error?: unknown;
  current: { id: string; code: string; title: string } | null;
  readOnly: boolean;
}) {
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search, 250);
  const choices = useQuery({
    queryKey: [...AC_KEY, "case-inspections", q],
    queryFn: ({ signal }) => call("anticorruption.cases.inspections", { query: { q: q || undefined }, signal }),
    enabled: !readOnly,
  });
  const options = new Map<string, string>();
  if (current) options.set(current.id, `${current.code} — ${current.title}`);
  for (const i of choices.data?.items ?? []) options.set(i.id, `${i.code} — ${i.title}`);
  return (
    <Select
      label={C.inspection}
      description={C.inspectionHint}
      searchable
      clearable
      data={[...options].map(([v, l]) => ({ value: v, label: l }))}
      value={value}
      onChange={onChange}
      onSearchChange={setSearch}
      nothingFoundMessage={C.inspectionNone}
      error={error as string | undefined}
      data-testid="ac-case-inspection"
    />
  );
}

type OfficialChoice = Answer<"anticorruption.officials.list">["items"][number];

/** Picks a person of a case from the officials registry: name, code and current position filled in. */
function OfficialPicker({
  index,
  value,
  label,
  readOnly,
  error,
  onPick,
}: {
  index: number;
  value: string | null;
  label: string | null;
  readOnly: boolean;
  error: string | undefined;
  onPick(official: OfficialChoice | null): void;
}) {
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search, 250);
  const found = useQuery({
    queryKey: [...AC_KEY, "case-officials", q],
    queryFn: ({ signal }) =>
      call("anticorruption.officials.list", { query: { q: q || undefined, page: 1, pageSize: 20 }, signal }),
    enabled: !readOnly && q.trim().length > 0,
  });
  const byId = new Map((found.data?.items ?? []).map((o) => [o.id, o]));
  const data = (found.data?.items ?? []).map((o) => ({
    value: o.id,
    label: `${o.fullName} (${o.code}) — ${o.unitName}`,
  }));
  if (value && label && !byId.has(value)) data.unshift({ value, label });
  return (
    <Select
      label={C.official(index + 1)}
      description={C.officialHint}
      searchable
      clearable
      mb="xs"
      data={data}
      value={value}
      onChange={(id) => {
        if (id === value) return;
        onPick(id ? (byId.get(id) ?? null) : null);
      }}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={q ? C.officialNone : undefined}
      error={error}
    />
  );
}
