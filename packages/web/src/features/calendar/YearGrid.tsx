import { Group, SimpleGrid, Text, Tooltip } from "@mantine/core";
import { useMemo } from "react";
import {
  dayOfWeek,
  daysInMonth,
  formatDate,
  isoOf,
  MONTH_NAMES,
  WEEKDAY_NAMES,
  WEEKDAY_SHORT_MONDAY_FIRST,
} from "../../ui/format.ts";
import classes from "./YearGrid.module.css";
import { CALENDAR_TEXT, DAY_KIND_LABELS } from "./text.ts";
import type { CalendarDay, DayKind } from "./types.ts";

type CellKind = DayKind | "weekend" | "working" | "weekend_holiday";

const CELL_CLASS: Record<CellKind, string | undefined> = {
  holiday: classes.holiday,
  weekend_holiday: classes.weekendHoliday,
  compensatory: classes.compensatory,
  swap_off: classes.swapOff,
  makeup_workday: classes.makeup,
  weekend: classes.weekend,
  working: undefined,
};

/** Monday-first weeks of a month: each week is 7 slots, null outside the month. */
function weeksOf(year: number, month: number): (string | null)[][] {
  const first = (dayOfWeek(isoOf(year, month, 1)) + 6) % 7;
  const count = daysInMonth(year, month);
  const slots: (string | null)[] = [
    ...Array.from({ length: first }, () => null),
    ...Array.from({ length: count }, (_, i) => isoOf(year, month, i + 1)),
  ];
  while (slots.length % 7 !== 0) slots.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < slots.length; i += 7) weeks.push(slots.slice(i, i + 7));
  return weeks;
}

export function YearGrid({ year, days, today }: { year: number; days: readonly CalendarDay[]; today: string }) {
  const byDate = useMemo(() => new Map(days.map((d) => [d.date, d])), [days]);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, xl: 4 }} spacing={{ base: 6, sm: "md" }} data-testid="year-grid">
      {MONTH_NAMES.map((monthName, index) => (
        <MonthTable key={monthName} year={year} month={index + 1} monthName={monthName} byDate={byDate} today={today} />
      ))}
    </SimpleGrid>
  );
}

function MonthTable({
  year,
  month,
  monthName,
  byDate,
  today,
}: {
  year: number;
  month: number;
  monthName: string;
  byDate: ReadonlyMap<string, CalendarDay>;
  today: string;
}) {
  const weeks = weeksOf(year, month);
  return (
    <table className={classes.month}>
      <caption className={classes.caption}>{monthName}</caption>
      <thead>
        <tr>
          {WEEKDAY_SHORT_MONDAY_FIRST.map((short, i) => (
            <th
              key={short}
              scope="col"
              abbr={WEEKDAY_NAMES[(i + 1) % 7]}
              className={i >= 5 ? classes.weekendHead : undefined}
            >
              {short}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, w) => (
          <tr key={w}>
            {week.map((iso, d) =>
              iso ? <DayCell key={iso} iso={iso} special={byDate.get(iso)} today={today} /> : <td key={`e${d}`} />,
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DayCell({ iso, special, today }: { iso: string; special: CalendarDay | undefined; today: string }) {
  const dow = dayOfWeek(iso);
  const weekend = dow === 0 || dow === 6;
  // A holiday on a Saturday or Sunday is already a day off; it is marked, and explains the
  // compensatory day that follows.
  const kind: CellKind =
    special?.kind === "holiday" && weekend ? "weekend_holiday" : (special?.kind ?? (weekend ? "weekend" : "working"));
  const dayNumber = Number(iso.slice(8));
  const className = [classes.cell, CELL_CLASS[kind], iso === today ? classes.today : undefined]
    .filter(Boolean)
    .join(" ");
  if (!special) {
    return (
      <td className={className} data-date={iso} data-kind={kind}>
        {dayNumber}
      </td>
    );
  }
  const kindLabel = kind === "weekend_holiday" ? CALENDAR_TEXT.weekendHoliday : DAY_KIND_LABELS[special.kind];
  const detail = [`${special.name} (${kindLabel})`, special.note].filter(Boolean).join(". ");
  const label = CALENDAR_TEXT.dayLabel(WEEKDAY_NAMES[dow] ?? "", formatDate(iso), detail);
  return (
    <td className={className} data-date={iso} data-kind={kind} title={label}>
      <Tooltip label={label} events={{ hover: true, focus: true, touch: true }} withArrow multiline maw={260}>
        <span tabIndex={0} aria-label={label} className={classes.focusable}>
          {dayNumber}
        </span>
      </Tooltip>
    </td>
  );
}

export function CalendarLegend() {
  const items: { kind: CellKind; label: string }[] = [
    { kind: "holiday", label: DAY_KIND_LABELS.holiday },
    { kind: "compensatory", label: DAY_KIND_LABELS.compensatory },
    { kind: "swap_off", label: DAY_KIND_LABELS.swap_off },
    { kind: "makeup_workday", label: DAY_KIND_LABELS.makeup_workday },
    { kind: "weekend_holiday", label: CALENDAR_TEXT.weekendHoliday },
    { kind: "weekend", label: CALENDAR_TEXT.weekend },
    { kind: "working", label: CALENDAR_TEXT.workingDay },
  ];
  return (
    <Group gap="md" wrap="wrap" component="ul" className={classes.legend} aria-label={CALENDAR_TEXT.legend}>
      {items.map((item) => (
        <li key={item.kind}>
          <Group gap={6} wrap="nowrap">
            <span className={[classes.swatch, CELL_CLASS[item.kind]].filter(Boolean).join(" ")} aria-hidden>
              15
            </span>
            <Text size="sm">{item.label}</Text>
          </Group>
        </li>
      ))}
      <li>
        <Group gap={6} wrap="nowrap">
          <span className={[classes.swatch, classes.today].join(" ")} aria-hidden>
            15
          </span>
          <Text size="sm">{CALENDAR_TEXT.today}</Text>
        </Group>
      </li>
    </Group>
  );
}
