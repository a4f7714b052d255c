import { Badge, type BadgeProps } from "@mantine/core";
import { IconAlarm, IconCircleCheck, IconClockExclamation } from "@tabler/icons-react";
import { formatDate } from "../../ui/format.ts";
import { DEADLINE_TEXT, STATUS_TEXT } from "./text.ts";
import type { DeadlineStatus, DeadlineStatusCode } from "./types.ts";

const COLORS: Record<DeadlineStatusCode, string> = { on_time: "green", due_soon: "orange", overdue: "red" };
const ICONS = { on_time: IconCircleCheck, due_soon: IconAlarm, overdue: IconClockExclamation } as const;

/**
 * The state of a due date in one badge: "Còn 5 ngày làm việc", "Sắp đến hạn…", "Quá hạn 3 ngày".
 * Colour is never the only signal: the text and the icon say the same. With `showDate` the
 * badge also carries the date, for lists.
 */
export function DueDateBadge({
  due,
  status,
  showDate = false,
  size = "lg",
}: {
  due: string;
  status?: DeadlineStatus | null;
  showDate?: boolean;
  size?: BadgeProps["size"];
}) {
  const date = formatDate(due);
  if (!status) {
    return (
      <Badge variant="light" color="gray" size={size} tt="none">
        {date}
      </Badge>
    );
  }
  const text = STATUS_TEXT[status.status](status.remaining, status.unit);
  const Icon = ICONS[status.status];
  return (
    <Badge
      variant="light"
      color={COLORS[status.status]}
      size={size}
      tt="none"
      leftSection={<Icon size={16} aria-hidden />}
      title={DEADLINE_TEXT.dueBadgeLabel(date, text)}
      data-status={status.status}
    >
      {showDate ? `${date} · ${text}` : text}
    </Badge>
  );
}
