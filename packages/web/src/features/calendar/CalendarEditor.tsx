import {
  ActionIcon,
  Alert,
  Button,
  FileButton,
  Group,
  List,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { schemaResolver } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconDeviceFloppy, IconFileImport, IconPlus, IconTrash } from "@tabler/icons-react";
import { validateYearNotice } from "@minhbach/domain/calendar/notice-schema";
import { useEffect, useState } from "react";
import { DateField } from "../../ui/DateField.tsx";
import type { Draft } from "../../ui/drafts.ts";
import { applyServerError, emptyToNull } from "../../ui/forms.ts";
import { formatDate, weekdayName } from "../../ui/format.ts";
import { useSaveCalendar } from "./api.ts";
import { CALENDAR_TEXT, DAY_KIND_LABELS } from "./text.ts";
import {
  calendarSchema,
  DAY_KINDS,
  type CalendarBody,
  type CalendarDay,
  type CalendarYear,
  type DayKind,
  type SavedCalendar,
} from "./types.ts";
import { useAppForm } from "../../ui/use-app-form.ts";

export interface EditorRow {
  key: string;
  date: string | null;
  kind: DayKind | null;
  name: string;
  /** Kept as it came (from the server or a file); not edited here. */
  note?: string;
}

export interface EditorValues {
  source: string;
  note: string;
  days: EditorRow[];
}

const KIND_OPTIONS = DAY_KINDS.map((kind) => ({ value: kind, label: DAY_KIND_LABELS[kind] }));

let keySeq = 0;
const nextKey = () => `d${++keySeq}`;

function rowsOf(days: readonly CalendarDay[]): EditorRow[] {
  return [...days]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((d) => ({ key: nextKey(), date: d.date, kind: d.kind, name: d.name, ...(d.note ? { note: d.note } : {}) }));
}

export function valuesOf(calendar: Pick<CalendarYear, "source" | "note" | "noticeDays">): EditorValues {
  return { source: calendar.source ?? "", note: calendar.note ?? "", days: rowsOf(calendar.noticeDays) };
}

function toBody(values: EditorValues): CalendarBody {
  const note = emptyToNull(values.note);
  return {
    source: values.source.trim(),
    ...(note ? { note } : {}),
    days: values.days.map(({ date, kind, name, note: dayNote }) => ({
      date: date ?? "",
      kind: kind as DayKind,
      name: name.trim(),
      ...(dayNote ? { note: dayNote } : {}),
    })),
  };
}

/** The days the grid previews while editing: complete rows only. */
function previewOf(values: EditorValues): CalendarDay[] {
  return values.days.flatMap((d) =>
    d.date && d.kind ? [{ date: d.date, kind: d.kind, name: d.name, ...(d.note ? { note: d.note } : {}) }] : [],
  );
}

export function CalendarEditor({
  year,
  calendar,
  draft,
  onPreview,
  onSaved,
  onCancel,
}: {
  year: number;
  calendar: CalendarYear;
  draft: Draft<EditorValues>;
  onPreview(days: CalendarDay[]): void;
  onSaved(result: SavedCalendar): void;
  onCancel(): void;
}) {
  const save = useSaveCalendar(year);
  const [failure, setFailure] = useState<string | null>(null);
  const [importErrors, setImportErrors] = useState<string[]>([]);
  const [restored] = useState(() => draft.exists());
  const [initial] = useState<EditorValues>(() => {
    const stored = draft.load();
    return stored?.days
      ? { source: stored.source ?? "", note: stored.note ?? "", days: stored.days }
      : valuesOf(calendar);
  });
  const form = useAppForm<EditorValues>({
    initialValues: initial,
    onValuesChange: (values) => {
      draft.save(values);
      onPreview(previewOf(values));
    },
    validate: (values) => schemaResolver(calendarSchema(year), { sync: true })(toBody(values)),
  });

  useEffect(() => {
    // Later changes reach the preview through onValuesChange.
    onPreview(previewOf(initial));
  }, [initial, onPreview]);

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const body = toBody(values);
      const result = await save.mutateAsync({
        ...body,
        days: [...body.days].sort((a, b) => a.date.localeCompare(b.date)),
      });
      draft.clear();
      notifications.show({ color: "green", message: CALENDAR_TEXT.saved(year) });
      onSaved(result);
    } catch (error) {
      setFailure(applyServerError(form, error));
    }
  });

  const importFile = async (file: File | null) => {
    if (!file) return;
    setFailure(null);
    setImportErrors([]);
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(await file.text()) as Record<string, unknown>;
    } catch {
      setFailure(CALENDAR_TEXT.importNotJson);
      return;
    }
    // Both a notice file and the saved GET /api/calendar/:year answer are accepted.
    const candidate = {
      year: parsed.year ?? year,
      source: parsed.source ?? (form.getValues().source || undefined),
      ...(typeof parsed.note === "string" ? { note: parsed.note } : {}),
      days: parsed.noticeDays ?? parsed.days,
    };
    if (candidate.year !== year) {
      setFailure(CALENDAR_TEXT.wrongYear(Number(candidate.year), year));
      return;
    }
    const result = validateYearNotice(candidate);
    if (!result.ok) {
      setFailure(CALENDAR_TEXT.importFailed);
      setImportErrors(result.errors.slice(0, 8));
      return;
    }
    form.setValues({
      source: result.notice.source,
      note: result.notice.note ?? "",
      days: rowsOf(result.notice.days),
    });
    form.clearErrors();
    notifications.show({ color: "blue", message: CALENDAR_TEXT.imported(result.notice.days.length) });
  };

  const rows = form.getValues().days;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="calendar-editor-title" data-testid="calendar-editor">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} fz="h4" id="calendar-editor-title">
            {CALENDAR_TEXT.editorTitle(year)}
          </Title>
          <Text size="sm" c="gray.7">
            {CALENDAR_TEXT.editorHint}
          </Text>
          {restored ? (
            <Alert color="blue" role="status">
              {CALENDAR_TEXT.draftRestored}
            </Alert>
          ) : null}
          {failure ? (
            <Alert color="red" role="alert">
              {failure}
              {importErrors.length > 0 ? (
                <List size="sm" mt={4}>
                  {importErrors.map((e) => (
                    <List.Item key={e}>{e}</List.Item>
                  ))}
                </List>
              ) : null}
            </Alert>
          ) : null}
          <Textarea
            label={CALENDAR_TEXT.sourceLabel}
            placeholder={CALENDAR_TEXT.sourcePlaceholder}
            required
            autosize
            minRows={2}
            {...form.getInputProps("source")}
          />
          <Textarea label={CALENDAR_TEXT.noteLabel} autosize minRows={1} {...form.getInputProps("note")} />
          <Table.ScrollContainer minWidth={680}>
            <Table verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={170}>{CALENDAR_TEXT.date}</Table.Th>
                  <Table.Th w={90}>{CALENDAR_TEXT.weekday}</Table.Th>
                  <Table.Th w={220}>{CALENDAR_TEXT.kind}</Table.Th>
                  <Table.Th>{CALENDAR_TEXT.name}</Table.Th>
                  <Table.Th w={50} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((day, index) => {
                  const rowLabel = day.date ? formatDate(day.date) : String(index + 1);
                  return (
                    <Table.Tr key={day.key}>
                      <Table.Td>
                        <DateField
                          aria-label={`${CALENDAR_TEXT.date} (dòng ${index + 1})`}
                          required
                          defaultDate={`${year}-01-01`}
                          minDate={`${year}-01-01`}
                          maxDate={`${year}-12-31`}
                          {...form.getInputProps(`days.${index}.date`)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{day.date ? weekdayName(day.date) : ""}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Select
                          aria-label={`${CALENDAR_TEXT.kind} ${rowLabel}`}
                          data={KIND_OPTIONS}
                          allowDeselect={false}
                          {...form.getInputProps(`days.${index}.kind`)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={`${CALENDAR_TEXT.name} ${rowLabel}`}
                          {...form.getInputProps(`days.${index}.name`)}
                        />
                        {day.note ? (
                          <Text size="xs" c="gray.7" mt={2}>
                            {CALENDAR_TEXT.note}: {day.note}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={CALENDAR_TEXT.removeDay(rowLabel)}
                          onClick={() => form.removeListItem("days", index)}
                        >
                          <IconTrash size={18} aria-hidden />
                        </ActionIcon>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Group gap="xs">
              <Button
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() =>
                  form.insertListItem("days", {
                    key: nextKey(),
                    date: null,
                    kind: "holiday",
                    name: "",
                  } satisfies EditorRow)
                }
              >
                {CALENDAR_TEXT.addDay}
              </Button>
              <FileButton onChange={(file) => void importFile(file)} accept="application/json,.json">
                {(props) => (
                  <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} {...props}>
                    {CALENDAR_TEXT.importJson}
                  </Button>
                )}
              </FileButton>
            </Group>
            <Group gap="xs">
              <Button
                variant="default"
                onClick={() => {
                  draft.clear();
                  onCancel();
                }}
              >
                {CALENDAR_TEXT.cancel}
              </Button>
              <Button type="submit" loading={save.isPending} leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
                {CALENDAR_TEXT.save}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
