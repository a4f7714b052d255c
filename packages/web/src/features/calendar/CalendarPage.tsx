import { Alert, Button, Group, Paper, Select, Table, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconChevronLeft, IconChevronRight, IconDownload, IconPencil } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { Navigate, useNavigate, useParams } from "react-router-dom";
import { useDraft } from "../../ui/drafts.ts";
import { downloadBlob } from "../../ui/export-file.ts";
import {
  dayOfWeek,
  daysInMonth,
  formatDate,
  formatDateTime,
  formatNumber,
  todayIso,
  weekdayName,
} from "../../ui/format.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { useSession } from "../auth/session.tsx";
import { PATHS } from "../shell/nav.ts";
import { useCalendar } from "./api.ts";
import { CalendarEditor, type EditorValues } from "./CalendarEditor.tsx";
import { MovedDeadlines } from "./MovedDeadlines.tsx";
import { CALENDAR_TEXT, DAY_KIND_LABELS } from "./text.ts";
import type { CalendarDay, CalendarYear, SavedCalendar } from "./types.ts";
import { CalendarLegend, YearGrid } from "./YearGrid.tsx";

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

export default function CalendarPage() {
  const params = useParams();
  const currentYear = Number(todayIso().slice(0, 4));
  if (!params.year) return <Navigate to={`${PATHS.calendar}/${currentYear}`} replace />;
  const year = Number(params.year);
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    return <Navigate to={`${PATHS.calendar}/${currentYear}`} replace />;
  }
  return <CalendarYearView key={year} year={year} currentYear={currentYear} />;
}

function workingDayCount(year: number, days: readonly CalendarDay[]): { offWeekdays: number; working: number } {
  const special = new Map(days.map((d) => [d.date, d.kind]));
  let working = 0;
  let offWeekdays = 0;
  for (let m = 1; m <= 12; m++) {
    for (let d = 1; d <= daysInMonth(year, m); d++) {
      const iso = `${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
      const dow = dayOfWeek(iso);
      const kind = special.get(iso);
      const weekend = dow === 0 || dow === 6;
      if (weekend ? kind === "makeup_workday" : kind === undefined || kind === "makeup_workday") working++;
      else if (!weekend) offWeekdays++;
    }
  }
  return { offWeekdays, working };
}

/**
 * What the grid and the list show: the effective days (weekdays off, weekend days worked) plus
 * the notice's holidays that fall on a weekend, which explain the compensatory days.
 */
function shownDaysOf(calendar: CalendarYear): CalendarDay[] {
  const byDate = new Map<string, CalendarDay>(calendar.days.map((d) => [d.date, d]));
  for (const d of calendar.noticeDays) {
    const effective = byDate.get(d.date);
    if (!effective) byDate.set(d.date, d);
    else if (d.note) byDate.set(d.date, { ...effective, note: d.note });
  }
  return [...byDate.values()];
}

function CalendarYearView({ year, currentYear }: { year: number; currentYear: number }) {
  const navigate = useNavigate();
  const { can } = useSession();
  const canManage = can("calendar.manage");
  const calendar = useCalendar(year);
  const draft = useDraft<EditorValues>("calendar-editor");
  // A draft left by a lost session reopens the editor with what was typed.
  const [editing, setEditing] = useState(() => canManage && draft.exists());
  const [preview, setPreview] = useState<CalendarDay[] | null>(null);
  const [saved, setSaved] = useState<SavedCalendar | null>(null);
  const today = todayIso();

  const current = useMemo(() => (calendar.data ? shownDaysOf(calendar.data) : []), [calendar.data]);
  const shownDays = editing && preview ? preview : current;
  const sortedDays = useMemo(() => [...shownDays].sort((a, b) => a.date.localeCompare(b.date)), [shownDays]);
  const counts = useMemo(() => workingDayCount(year, shownDays), [year, shownDays]);

  const goTo = (y: number) => navigate(`${PATHS.calendar}/${y}`);
  const yearOptions = Array.from({ length: 11 }, (_, i) => String(currentYear - 5 + i));
  if (!yearOptions.includes(String(year))) yearOptions.push(String(year));
  yearOptions.sort();

  const exportJson = () => {
    if (!calendar.data) return;
    const { year: y, source, note, noticeDays } = calendar.data;
    const file = { year: y, source, ...(note ? { note } : {}), days: noticeDays };
    const blob = new Blob([JSON.stringify(file, null, 2)], { type: "application/json" });
    downloadBlob(`lich-lam-viec-${y}.json`, blob);
  };

  return (
    <>
      <PageHeader
        title={CALENDAR_TEXT.title}
        description={CALENDAR_TEXT.description}
        actions={
          <Group gap="xs" wrap="nowrap">
            <Button
              variant="default"
              px="xs"
              onClick={() => goTo(year - 1)}
              disabled={year <= MIN_YEAR}
              aria-label={CALENDAR_TEXT.previousYear(year - 1)}
            >
              <IconChevronLeft size={18} aria-hidden />
            </Button>
            <Select
              aria-label={CALENDAR_TEXT.yearLabel}
              data={yearOptions}
              value={String(year)}
              onChange={(v) => v && goTo(Number(v))}
              allowDeselect={false}
              w={100}
            />
            <Button
              variant="default"
              px="xs"
              onClick={() => goTo(year + 1)}
              disabled={year >= MAX_YEAR}
              aria-label={CALENDAR_TEXT.nextYear(year + 1)}
            >
              <IconChevronRight size={18} aria-hidden />
            </Button>
          </Group>
        }
      />

      <QueryStatus query={calendar} />

      {calendar.data ? (
        <>
          {calendar.data.provisional ? (
            <Alert
              color="orange"
              icon={<IconAlertTriangle aria-hidden />}
              title={CALENDAR_TEXT.provisionalTitle}
              mb="md"
              data-testid="calendar-provisional"
            >
              {year === currentYear ? CALENDAR_TEXT.provisionalCurrent : CALENDAR_TEXT.provisionalOther(year)}
            </Alert>
          ) : null}

          {saved ? <MovedDeadlines result={saved} onDismiss={() => setSaved(null)} /> : null}

          <Paper withBorder p="md" mb="md">
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm" mb="sm">
              <div>
                <Title order={2} fz="h3">
                  {CALENDAR_TEXT.yearLabel} {year}
                </Title>
                <Text size="sm" c="gray.7">
                  {CALENDAR_TEXT.summary(formatNumber(counts.offWeekdays), formatNumber(counts.working))}
                </Text>
                <Text size="sm" mt={4}>
                  <Text span fw={600}>
                    {CALENDAR_TEXT.source}:{" "}
                  </Text>
                  {calendar.data.source ?? CALENDAR_TEXT.noSource}
                </Text>
                {calendar.data.note ? (
                  <Text size="sm" mt={4}>
                    <Text span fw={600}>
                      {CALENDAR_TEXT.note}:{" "}
                    </Text>
                    {calendar.data.note}
                  </Text>
                ) : null}
                {calendar.data.updatedAt ? (
                  <Text size="xs" c="gray.7" mt={4}>
                    {CALENDAR_TEXT.lastUpdated(formatDateTime(calendar.data.updatedAt))}
                  </Text>
                ) : null}
              </div>
              <Group gap="xs">
                <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={exportJson}>
                  {CALENDAR_TEXT.exportJson}
                </Button>
                {canManage && !editing ? (
                  <Button
                    leftSection={<IconPencil size={16} aria-hidden />}
                    onClick={() => {
                      setSaved(null);
                      setEditing(true);
                    }}
                  >
                    {CALENDAR_TEXT.edit} {year}
                  </Button>
                ) : null}
              </Group>
            </Group>
            <CalendarLegend />
          </Paper>

          <Paper withBorder p="md" mb="md">
            <YearGrid year={year} days={shownDays} today={today} />
          </Paper>

          {editing && canManage ? (
            <div style={{ marginBottom: "var(--mantine-spacing-md)" }}>
              <CalendarEditor
                year={year}
                calendar={calendar.data}
                draft={draft}
                onPreview={setPreview}
                onCancel={() => {
                  setEditing(false);
                  setPreview(null);
                }}
                onSaved={(result) => {
                  setEditing(false);
                  setPreview(null);
                  setSaved(result);
                }}
              />
            </div>
          ) : null}

          <Paper withBorder p="md" component="section" aria-labelledby="calendar-list-title">
            <Title order={2} fz="h4" mb="sm" id="calendar-list-title">
              {CALENDAR_TEXT.listTitle}
            </Title>
            {sortedDays.length === 0 ? (
              <Text>{CALENDAR_TEXT.listEmpty}</Text>
            ) : (
              <Table.ScrollContainer minWidth={520}>
                <Table striped data-testid="calendar-days">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{CALENDAR_TEXT.date}</Table.Th>
                      <Table.Th>{CALENDAR_TEXT.weekday}</Table.Th>
                      <Table.Th>{CALENDAR_TEXT.kind}</Table.Th>
                      <Table.Th>{CALENDAR_TEXT.name}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {sortedDays.map((d) => (
                      <Table.Tr key={d.date}>
                        <Table.Td>{formatDate(d.date)}</Table.Td>
                        <Table.Td style={{ whiteSpace: "nowrap" }}>{weekdayName(d.date)}</Table.Td>
                        <Table.Td>
                          {d.kind === "holiday" && [0, 6].includes(dayOfWeek(d.date))
                            ? CALENDAR_TEXT.weekendHoliday
                            : DAY_KIND_LABELS[d.kind]}
                        </Table.Td>
                        <Table.Td>
                          {d.name}
                          {d.note ? (
                            <Text size="xs" c="gray.7">
                              {CALENDAR_TEXT.note}: {d.note}
                            </Text>
                          ) : null}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
        </>
      ) : null}
    </>
  );
}
