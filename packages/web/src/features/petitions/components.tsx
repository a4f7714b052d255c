import { SAME_MATTER_VERDICTS, type SameMatterVerdict } from "@minhbach/domain";
import { daysBetween } from "@minhbach/domain/calendar/iso-date";
import { Anchor, Badge, Group, List, Paper, Stack, Text } from "@mantine/core";
import { IconBuildingCommunity } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { formatDate, todayIso } from "../../ui/format.ts";
import { DueDateBadge } from "../deadlines/DueDateBadge.tsx";
import { PATHS } from "../shell/nav.ts";
import type { DuplicateMatch } from "./api.ts";
import { stateLabel } from "./labels.ts";
import { PETITION_TEXT, stateColor, VERDICT_COLORS } from "./text.ts";

export function petitionPath(id: string): string {
  return `${PATHS.petitions}/${id}`;
}

export function PetitionStateBadge({ state, label }: { state: string; label?: string }) {
  return (
    <Badge
      variant="light"
      color={stateColor(state)}
      tt="none"
      size="md"
      style={{ whiteSpace: "normal", height: "auto" }}
    >
      {label ?? stateLabel(state)}
    </Badge>
  );
}

/**
 * The due date of a list row: the date and how far it is, in calendar days from today (the list
 * gives the state of the clock, not its unit; the petition page shows the exact count).
 */
export function ListDueBadge({
  due,
  status,
}: {
  due: string | null;
  status: "on_time" | "due_soon" | "overdue" | null;
}) {
  if (!due) {
    return (
      <Text size="sm" c="gray.7">
        {PETITION_TEXT.noDue}
      </Text>
    );
  }
  const remaining = daysBetween(todayIso(), due);
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm">{formatDate(due)}</Text>
      {status ? <DueDateBadge due={due} status={{ status, remaining, unit: "calendar_day" }} size="sm" /> : null}
    </Stack>
  );
}

/** One possible duplicate: full details inside the caller's scope, only where and when outside it. */
export function DuplicateCard({ match, action }: { match: DuplicateMatch; action?: ReactNode }) {
  // A shared writer is reported even when the wording differs: related, not "different".
  const verdict =
    match.verdict === "different"
      ? PETITION_TEXT.verdictRelated
      : (SAME_MATTER_VERDICTS[match.verdict as SameMatterVerdict] ?? match.verdict);
  const percent = `${Math.round(match.score * 100)}%`;
  return (
    <Paper withBorder p="sm" data-testid="duplicate-match" data-verdict={match.verdict}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Badge color={VERDICT_COLORS[match.verdict] ?? "gray"} variant="light" tt="none">
            {verdict}
          </Badge>
          <Text size="sm" c="gray.7">
            {PETITION_TEXT.score(percent)}
          </Text>
        </Group>
        {match.visible && match.id && match.code ? (
          <>
            <Group gap="xs" wrap="wrap">
              <Anchor component={Link} to={petitionPath(match.id)} target="_blank" fw={700} size="sm">
                {match.code}
              </Anchor>
              <Text size="sm">· {formatDate(match.receivedOn)}</Text>
              {match.state ? <Text size="sm">· {stateLabel(match.state)}</Text> : null}
            </Group>
            {match.petitioner ? <Text size="sm">{match.petitioner}</Text> : null}
            {match.excerpt ? (
              <Text size="sm" c="gray.8" lineClamp={3}>
                {match.excerpt}
              </Text>
            ) : null}
            {match.reasons.length > 0 ? (
              <List size="sm" spacing={2}>
                {match.reasons.map((reason) => (
                  <List.Item key={reason}>{reason}</List.Item>
                ))}
              </List>
            ) : null}
            {action}
          </>
        ) : (
          <>
            <Group gap={6} wrap="nowrap">
              <IconBuildingCommunity size={16} aria-hidden />
              <Text size="sm" fw={700}>
                {PETITION_TEXT.otherAgency}: {match.agencyName}
              </Text>
            </Group>
            <Text size="sm">
              {PETITION_TEXT.receivedOn}: {formatDate(match.receivedOn)}
            </Text>
            {match.coordinate ? <Text size="sm">{match.coordinate}</Text> : null}
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** A labelled value in a details list; empty values show a dash. */
export function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="gray.7" fw={700}>
        {label}
      </Text>
      <div style={{ fontSize: "var(--mantine-font-size-sm)" }}>{children || "—"}</div>
    </div>
  );
}
