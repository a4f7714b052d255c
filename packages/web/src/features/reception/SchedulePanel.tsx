import { VISIT_KINDS } from "@minhbach/domain";
import {
  createScheduleBody,
  scheduleConclusionBody,
  SCHEDULE_STATUSES,
  type CreateScheduleBody,
  type ScheduleConclusionBody,
  type ScheduleStatus,
  type ScheduleView,
} from "@minhbach/domain/api/reception-views";
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { schemaResolver } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import {
  IconCalendarEvent,
  IconChevronLeft,
  IconChevronRight,
  IconFileSpreadsheet,
  IconPlus,
  IconTrash,
} from "@tabler/icons-react";
import { useState } from "react";
import { errorMessage, isApiError } from "../../api/client.ts";
import { DateField } from "../../ui/DateField.tsx";
import { saveDownload } from "../../ui/download.ts";
import { emptyToNull, reportServerError } from "../../ui/forms.ts";
import {
  dayOfWeek,
  daysInMonth,
  formatDate,
  isoOf,
  todayIso,
  WEEKDAY_SHORT_MONDAY_FIRST,
  weekdayName,
} from "../../ui/format.ts";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { usePhone } from "../../ui/responsive.ts";
import { COMMON } from "../../ui/text.ts";
import { useUrlState } from "../../ui/url-state.ts";
import { useMe, useSession } from "../auth/session.tsx";
import { DocumentsPanel } from "../petitions/DocumentsPanel.tsx";
import { useConcludeSchedule, useCreateSchedule, usePublishSchedule, useSchedule, useUpdateSchedule } from "./api.ts";
import { RECEPTION_TEXT, SCHEDULE_STATUS_COLORS } from "./text.ts";
import { TimeField } from "../../ui/TimeField.tsx";
import { useAppForm } from "../../ui/use-app-form.ts";

const TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Ho_Chi_Minh",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" });

const timeOf = (iso: string) => TIME.format(new Date(iso));
const dayOf = (iso: string) => DAY.format(new Date(iso));

function whenText(s: ScheduleView): string {
  const day = dayOf(s.startsAt);
  return `${weekdayName(day)}, ${formatDate(day)}, ${timeOf(s.startsAt)}–${timeOf(s.endsAt)}`;
}

function kindLabel(kind: string): string {
  return VISIT_KINDS[kind as "periodic" | "ad_hoc"]?.label ?? kind;
}

function StatusBadge({ status }: { status: string }) {
  return (
    <Badge variant="light" color={SCHEDULE_STATUS_COLORS[status] ?? "gray"} tt="none">
      {SCHEDULE_STATUSES[status as ScheduleStatus] ?? status}
    </Badge>
  );
}

/** "Lịch tiếp của lãnh đạo": the month as a list or a calendar; publish, hold, cancel, conclusions. */
export function SchedulePanel() {
  const me = useMe();
  const { can } = useSession();
  const { params, update } = useUrlState();
  const today = todayIso();
  const monthParam = params.get("thang");
  const month = monthParam && /^\d{4}-\d{2}$/.test(monthParam) ? monthParam : today.slice(0, 7);
  const [year, m] = month.split("-").map(Number) as [number, number];
  const view = params.get("xem") === "lich" ? "calendar" : "list";
  const from = isoOf(year, m, 1);
  const to = isoOf(year, m, daysInMonth(year, m));
  const schedule = useSchedule({ from, to });
  const [editing, setEditing] = useState<ScheduleView | "new" | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const shift = (delta: number) => {
    const d = new Date(Date.UTC(year, m - 1 + delta, 1));
    update({ thang: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}` }, false);
  };
  const items = schedule.data?.items ?? [];
  const opened = items.find((s) => s.id === open) ?? null;
  const icsUrl = `/api/public/reception-schedule.ics?agency=${encodeURIComponent(me.agency.code)}`;

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await saveDownload("reception.schedule.export", { query: { from, to } }, "lich-tiep-cong-dan.xlsx");
    } catch (error) {
      notifications.show({ color: "red", message: errorMessage(error) });
    } finally {
      setExporting(false);
    }
  };

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Text size="sm" mb="sm">
          {RECEPTION_TEXT.scheduleIntro}
        </Text>
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Group gap="xs" wrap="nowrap">
            <ActionIcon variant="default" size="lg" aria-label={RECEPTION_TEXT.prevMonth} onClick={() => shift(-1)}>
              <IconChevronLeft size={18} aria-hidden />
            </ActionIcon>
            <Title order={2} fz="h4" miw={130} ta="center" aria-live="polite">
              {RECEPTION_TEXT.monthTitle(m, year)}
            </Title>
            <ActionIcon variant="default" size="lg" aria-label={RECEPTION_TEXT.nextMonth} onClick={() => shift(1)}>
              <IconChevronRight size={18} aria-hidden />
            </ActionIcon>
          </Group>
          <Group gap="xs" wrap="wrap">
            <SegmentedControl
              aria-label={RECEPTION_TEXT.viewLabel}
              value={view}
              onChange={(value) => update({ xem: value === "calendar" ? "lich" : null }, false)}
              data={[
                { value: "list", label: RECEPTION_TEXT.viewList },
                { value: "calendar", label: RECEPTION_TEXT.viewCalendar },
              ]}
            />
            <Button
              variant="default"
              leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
              loading={exporting}
              onClick={() => void exportXlsx()}
            >
              {RECEPTION_TEXT.scheduleExport}
            </Button>
            <Button
              component="a"
              href={icsUrl}
              variant="default"
              leftSection={<IconCalendarEvent size={18} aria-hidden />}
            >
              {RECEPTION_TEXT.publicIcs}
            </Button>
            {can("reception.write") ? (
              <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing("new")}>
                {RECEPTION_TEXT.scheduleAdd}
              </Button>
            ) : null}
          </Group>
        </Group>
      </Paper>
      <Paper withBorder p="md">
        <QueryStatus query={schedule} />
        {schedule.data ? (
          view === "calendar" ? (
            <MonthGrid year={year} month={m} items={items} onOpen={setOpen} />
          ) : items.length === 0 ? (
            <Text>{RECEPTION_TEXT.scheduleEmpty}</Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped verticalSpacing="xs" data-testid="schedule-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{RECEPTION_TEXT.time}</Table.Th>
                    <Table.Th>{RECEPTION_TEXT.leaderName}</Table.Th>
                    <Table.Th>{RECEPTION_TEXT.place}</Table.Th>
                    <Table.Th>{RECEPTION_TEXT.scheduleKind}</Table.Th>
                    <Table.Th>{RECEPTION_TEXT.scheduleStatus}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td>
                        <Anchor component="button" type="button" size="sm" fw={700} onClick={() => setOpen(s.id)}>
                          {whenText(s)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {s.leaderName}
                        <Text size="xs" c="gray.7">
                          {s.leaderTitle}
                        </Text>
                      </Table.Td>
                      <Table.Td>{s.place}</Table.Td>
                      <Table.Td>{kindLabel(s.kind)}</Table.Td>
                      <Table.Td>
                        <StatusBadge status={s.status} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        ) : null}
      </Paper>
      <ScheduleEntryModal
        entry={opened}
        onClose={() => setOpen(null)}
        onEdit={(s) => {
          setOpen(null);
          setEditing(s);
        }}
      />
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? RECEPTION_TEXT.scheduleAdd : RECEPTION_TEXT.scheduleEdit}
        size="lg"
      >
        {editing ? <ScheduleForm entry={editing === "new" ? null : editing} onClose={() => setEditing(null)} /> : null}
      </Modal>
    </Stack>
  );
}

/** A Monday-first month; each day lists its receptions as buttons. */
function MonthGrid({
  year,
  month,
  items,
  onOpen,
}: {
  year: number;
  month: number;
  items: ScheduleView[];
  onOpen(id: string): void;
}) {
  const first = isoOf(year, month, 1);
  const lead = (dayOfWeek(first) + 6) % 7;
  const days = daysInMonth(year, month);
  const cells: (string | null)[] = [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length: days }, (_, i) => isoOf(year, month, i + 1)),
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const today = todayIso();
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table withColumnBorders layout="fixed" data-testid="schedule-calendar">
        <Table.Thead>
          <Table.Tr>
            {WEEKDAY_SHORT_MONDAY_FIRST.map((d) => (
              <Table.Th key={d} ta="center">
                {d}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {weeks.map((week, w) => (
            <Table.Tr key={w}>
              {week.map((day, i) => {
                const entries = day ? items.filter((s) => dayOf(s.startsAt) === day) : [];
                return (
                  <Table.Td
                    key={i}
                    valign="top"
                    h={96}
                    bg={day === today ? "blue.0" : i >= 5 ? "gray.0" : undefined}
                    aria-label={day ? formatDate(day) : undefined}
                  >
                    {day ? (
                      <Stack gap={4}>
                        <Text size="xs" fw={day === today ? 700 : 400}>
                          {Number(day.slice(8))}
                        </Text>
                        {entries.map((s) => (
                          <UnstyledButton
                            key={s.id}
                            onClick={() => onOpen(s.id)}
                            style={{
                              fontSize: 12,
                              lineHeight: 1.3,
                              borderLeft: `3px solid var(--mantine-color-${SCHEDULE_STATUS_COLORS[s.status] ?? "gray"}-6)`,
                              paddingLeft: 4,
                            }}
                          >
                            {timeOf(s.startsAt)} {s.leaderName}
                          </UnstyledButton>
                        ))}
                      </Stack>
                    ) : null}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ScheduleEntryModal({
  entry,
  onClose,
  onEdit,
}: {
  entry: ScheduleView | null;
  onClose(): void;
  onEdit(entry: ScheduleView): void;
}) {
  const publish = usePublishSchedule();
  const updateEntry = useUpdateSchedule();
  const [concluding, setConcluding] = useState(false);
  const [editingDoc, setEditingDoc] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const phone = usePhone();
  const run = async (action: () => Promise<unknown>, message: string) => {
    setFailure(null);
    try {
      await action();
      notifications.show({ color: "green", message });
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  return (
    <Modal
      opened={entry !== null}
      onClose={() => {
        setConcluding(false);
        setFailure(null);
        onClose();
      }}
      title={entry ? whenText(entry) : ""}
      size="xl"
      fullScreen={phone}
    >
      {entry ? (
        concluding ? (
          <ConclusionForm
            entry={entry}
            onClose={() => setConcluding(false)}
            onDone={(documentId) => {
              setConcluding(false);
              setEditingDoc(documentId);
            }}
          />
        ) : (
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <div>
                <Text size="xs" fw={700} c="gray.7">
                  {RECEPTION_TEXT.leaderName}
                </Text>
                <Text size="sm">
                  {entry.leaderName} — {entry.leaderTitle}
                </Text>
              </div>
              <div>
                <Text size="xs" fw={700} c="gray.7">
                  {RECEPTION_TEXT.place}
                </Text>
                <Text size="sm">{entry.place}</Text>
              </div>
              <div>
                <Text size="xs" fw={700} c="gray.7">
                  {RECEPTION_TEXT.scheduleKind}
                </Text>
                <Text size="sm">{kindLabel(entry.kind)}</Text>
              </div>
              <div>
                <Text size="xs" fw={700} c="gray.7">
                  {RECEPTION_TEXT.scheduleStatus}
                </Text>
                <StatusBadge status={entry.status} />
              </div>
            </SimpleGrid>
            {entry.note ? (
              <Text size="sm">
                {RECEPTION_TEXT.scheduleNote}: {entry.note}
              </Text>
            ) : null}
            {failure ? (
              <Alert color="red" role="alert">
                {failure}
              </Alert>
            ) : null}
            <Group gap="xs" wrap="wrap">
              {entry.actions.includes("publish") ? (
                <Button
                  loading={publish.isPending}
                  onClick={() =>
                    void run(
                      () => publish.mutateAsync({ id: entry.id, version: entry.version }),
                      RECEPTION_TEXT.published,
                    )
                  }
                >
                  {RECEPTION_TEXT.publish}
                </Button>
              ) : null}
              {entry.actions.includes("hold") ? (
                <Button
                  variant="light"
                  loading={updateEntry.isPending}
                  onClick={() =>
                    void run(
                      () => updateEntry.mutateAsync({ id: entry.id, body: { version: entry.version, status: "held" } }),
                      RECEPTION_TEXT.held,
                    )
                  }
                >
                  {RECEPTION_TEXT.hold}
                </Button>
              ) : null}
              {entry.actions.includes("conclude") ? (
                <Button variant="light" onClick={() => setConcluding(true)}>
                  {RECEPTION_TEXT.conclude}
                </Button>
              ) : null}
              {entry.actions.includes("edit") ? (
                <Button variant="default" onClick={() => onEdit(entry)}>
                  {RECEPTION_TEXT.scheduleEdit}
                </Button>
              ) : null}
              {entry.actions.includes("cancel") ? (
                <Button
                  variant="subtle"
                  color="red"
                  onClick={() => {
                    if (!window.confirm(RECEPTION_TEXT.cancelConfirm)) return;
                    void run(
                      () =>
                        updateEntry.mutateAsync({
                          id: entry.id,
                          body: { version: entry.version, status: "cancelled" },
                        }),
                      RECEPTION_TEXT.cancelled,
                    );
                  }}
                >
                  {RECEPTION_TEXT.cancel}
                </Button>
              ) : null}
            </Group>
            {entry.conclusionDocumentId ? (
              <DocumentsPanel
                entityType="reception_schedule"
                entityId={entry.id}
                editing={editingDoc}
                onEdit={setEditingDoc}
              />
            ) : null}
          </Stack>
        )
      ) : null}
    </Modal>
  );
}

interface ScheduleValues {
  leaderName: string;
  leaderTitle: string;
  date: string | null;
  start: string;
  end: string;
  place: string;
  kind: string;
  note: string;
}

function scheduleBody(v: ScheduleValues) {
  const at = (time: string) => (v.date && /^\d{2}:\d{2}$/.test(time) ? `${v.date}T${time}:00+07:00` : undefined);
  return {
    leaderName: v.leaderName,
    leaderTitle: v.leaderTitle,
    startsAt: at(v.start),
    endsAt: at(v.end),
    place: v.place,
    kind: v.kind,
    note: emptyToNull(v.note),
  };
}

function ScheduleForm({ entry, onClose }: { entry: ScheduleView | null; onClose(): void }) {
  const create = useCreateSchedule();
  const updateEntry = useUpdateSchedule();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useAppForm<ScheduleValues>({
    initialValues: entry
      ? {
          leaderName: entry.leaderName,
          leaderTitle: entry.leaderTitle,
          date: dayOf(entry.startsAt),
          start: timeOf(entry.startsAt),
          end: timeOf(entry.endsAt),
          place: entry.place,
          kind: entry.kind,
          note: entry.note ?? "",
        }
      : {
          leaderName: "",
          leaderTitle: "",
          date: null,
          start: "08:00",
          end: "11:00",
          place: "",
          kind: "periodic",
          note: "",
        },
    validate: (values) => {
      const errors = schemaResolver(createScheduleBody, { sync: true })(scheduleBody(values));
      // The two instants are typed as a day and two times.
      if (errors.startsAt) errors[values.date ? "start" : "date"] = errors.startsAt;
      if (errors.endsAt) errors.end = errors.endsAt;
      return errors;
    },
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      if (entry) {
        await updateEntry.mutateAsync({
          id: entry.id,
          body: { ...scheduleBody(values), version: entry.version } as never,
        });
      } else {
        await create.mutateAsync(scheduleBody(values) as CreateScheduleBody);
      }
      notifications.show({ color: "green", message: RECEPTION_TEXT.scheduleSaved });
      onClose();
    } catch (error) {
      if (isApiError(error, "VERSION_CONFLICT")) setFailure(RECEPTION_TEXT.conflict);
      else setFailure(reportServerError(form, error));
    }
  });
  return (
    <form onSubmit={submit} noValidate data-testid="schedule-form">
      <Stack gap="sm">
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={RECEPTION_TEXT.leaderName} required {...form.getInputProps("leaderName")} />
          <TextInput label={RECEPTION_TEXT.leaderTitle} required {...form.getInputProps("leaderTitle")} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <DateField label={RECEPTION_TEXT.date} required {...form.getInputProps("date")} />
          <TimeField label={RECEPTION_TEXT.startTime} required {...form.getInputProps("start")} />
          <TimeField label={RECEPTION_TEXT.endTime} required {...form.getInputProps("end")} />
        </SimpleGrid>
        <TextInput label={RECEPTION_TEXT.place} required {...form.getInputProps("place")} />
        <Radio.Group label={RECEPTION_TEXT.scheduleKind} required {...form.getInputProps("kind")}>
          <Stack gap={6} mt={6}>
            <Radio value="periodic" label={VISIT_KINDS.periodic.label} />
            <Radio value="ad_hoc" label={VISIT_KINDS.ad_hoc.label} />
          </Stack>
        </Radio.Group>
        <Textarea label={RECEPTION_TEXT.scheduleNote} autosize minRows={2} {...form.getInputProps("note")} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {COMMON.cancel}
          </Button>
          <Button type="submit" loading={create.isPending || updateEntry.isPending}>
            {RECEPTION_TEXT.saveSchedule}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface ConclusionValues {
  citizens: { fullName: string; address: string }[];
  participants: string;
  summary: string;
  conclusions: string;
  assignments: { unit: string; task: string; dueOn: string | null }[];
}

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.replace(/^[\s\-–•]+/, "").trim())
    .filter(Boolean);

function conclusionBody(v: ConclusionValues, version: number) {
  const participants = lines(v.participants);
  return {
    version,
    citizens: v.citizens.map((c) => ({
      fullName: c.fullName,
      ...(c.address.trim() ? { address: c.address.trim() } : {}),
    })),
    ...(participants.length ? { participants } : {}),
    summary: v.summary,
    conclusions: lines(v.conclusions),
    ...(v.assignments.length
      ? { assignments: v.assignments.map((a) => ({ unit: a.unit, task: a.task, dueOn: a.dueOn ?? undefined })) }
      : {}),
  };
}

/** The head's notice of conclusions after a reception (form TCD-KL): a draft to complete and issue. */
function ConclusionForm({
  entry,
  onClose,
  onDone,
}: {
  entry: ScheduleView;
  onClose(): void;
  onDone(documentId: string): void;
}) {
  const conclude = useConcludeSchedule();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useAppForm<ConclusionValues>({
    initialValues: {
      citizens: [{ fullName: "", address: "" }],
      participants: "",
      summary: "",
      conclusions: "",
      assignments: [],
    },
    validate: (values) => schemaResolver(scheduleConclusionBody, { sync: true })(conclusionBody(values, entry.version)),
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const result = await conclude.mutateAsync({
        id: entry.id,
        body: conclusionBody(values, entry.version) as ScheduleConclusionBody,
      });
      notifications.show({ color: "green", message: RECEPTION_TEXT.concluded });
      onDone(result.document.id);
    } catch (error) {
      setFailure(reportServerError(form, error));
    }
  });
  return (
    <form onSubmit={submit} noValidate data-testid="conclusion-form">
      <Stack gap="sm">
        <Title order={3} fz="h5">
          {RECEPTION_TEXT.concludeTitle}
        </Title>
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <Text size="sm" fw={500}>
          {RECEPTION_TEXT.citizens}
        </Text>
        {form.values.citizens.map((_, i) => (
          <Group key={i} align="flex-end" gap="sm" wrap="nowrap">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" style={{ flex: 1 }}>
              <TextInput
                label={RECEPTION_TEXT.citizenName}
                required
                {...form.getInputProps(`citizens.${i}.fullName`)}
              />
              <TextInput label={RECEPTION_TEXT.citizenAddress} {...form.getInputProps(`citizens.${i}.address`)} />
            </SimpleGrid>
            {form.values.citizens.length > 1 ? (
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mb={2}
                aria-label={RECEPTION_TEXT.removeCitizen(i + 1)}
                onClick={() => form.removeListItem("citizens", i)}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            ) : null}
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => form.insertListItem("citizens", { fullName: "", address: "" })}
          >
            {RECEPTION_TEXT.addCitizen}
          </Button>
        </Group>
        <Textarea
          label={RECEPTION_TEXT.participants}
          description={RECEPTION_TEXT.participantsHint}
          autosize
          minRows={2}
          {...form.getInputProps("participants")}
        />
        <Textarea label={RECEPTION_TEXT.summary} required autosize minRows={3} {...form.getInputProps("summary")} />
        <Textarea
          label={RECEPTION_TEXT.conclusions}
          description={RECEPTION_TEXT.conclusionsHint}
          required
          autosize
          minRows={3}
          {...form.getInputProps("conclusions")}
        />
        <Text size="sm" fw={500}>
          {RECEPTION_TEXT.assignments}
        </Text>
        {form.values.assignments.map((_, i) => (
          <Paper key={i} withBorder p="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput
                label={RECEPTION_TEXT.assignmentUnit}
                required
                {...form.getInputProps(`assignments.${i}.unit`)}
              />
              <TextInput
                label={RECEPTION_TEXT.assignmentTask}
                required
                {...form.getInputProps(`assignments.${i}.task`)}
              />
              <DateField
                label={RECEPTION_TEXT.assignmentDue}
                required
                {...form.getInputProps(`assignments.${i}.dueOn`)}
              />
            </SimpleGrid>
            <Group justify="flex-end" mt="xs">
              <Button
                variant="subtle"
                color="red"
                size="compact-sm"
                onClick={() => form.removeListItem("assignments", i)}
              >
                {RECEPTION_TEXT.removeAssignment(i + 1)}
              </Button>
            </Group>
          </Paper>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => form.insertListItem("assignments", { unit: "", task: "", dueOn: null })}
          >
            {RECEPTION_TEXT.addAssignment}
          </Button>
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {COMMON.cancel}
          </Button>
          <Button type="submit" loading={conclude.isPending}>
            {RECEPTION_TEXT.conclude}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
