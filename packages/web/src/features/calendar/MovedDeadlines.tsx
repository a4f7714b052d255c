import { ruleTitle } from "@minhbach/domain/deadlines/rules";
import { Alert, Table, Text } from "@mantine/core";
import { useEffect, useRef } from "react";
import { formatDate, formatNumber } from "../../ui/format.ts";
import { CALENDAR_TEXT } from "./text.ts";
import type { SavedCalendar } from "./types.ts";

/** What saving the calendar did to the due dates already computed. */
export function MovedDeadlines({ result, onDismiss }: { result: SavedCalendar; onDismiss(): void }) {
  const moved = result.movedDeadlines;
  const ref = useRef<HTMLDivElement>(null);
  // Saving happens at the bottom of the page; the outcome is shown, and announced, at the top.
  useEffect(() => {
    ref.current?.scrollIntoView({ behavior: "smooth", block: "start" });
    ref.current?.focus({ preventScroll: true });
  }, [result]);
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color={moved.length === 0 ? "green" : "blue"}
      title={CALENDAR_TEXT.movedTitle}
      withCloseButton
      closeButtonLabel={CALENDAR_TEXT.dismiss}
      onClose={onDismiss}
      mb="md"
      data-testid="moved-deadlines"
      role="status"
    >
      <Text size="sm" mb={4}>
        {CALENDAR_TEXT.changedDays(formatNumber(result.changedDays))}
      </Text>
      {result.failedDeadlines > 0 ? (
        <Text size="sm" c="red.9" fw={600} mb={4}>
          {CALENDAR_TEXT.failedDeadlines(formatNumber(result.failedDeadlines))}
        </Text>
      ) : null}
      {moved.length === 0 ? (
        <Text size="sm">{CALENDAR_TEXT.movedNone}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table withTableBorder bg="white">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{CALENDAR_TEXT.movedEntity}</Table.Th>
                <Table.Th>{CALENDAR_TEXT.movedRule}</Table.Th>
                <Table.Th>{CALENDAR_TEXT.movedOld}</Table.Th>
                <Table.Th>{CALENDAR_TEXT.movedNew}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {moved.map((m) => (
                <Table.Tr key={m.trackedId}>
                  <Table.Td>{m.label}</Table.Td>
                  <Table.Td>{ruleTitle(m.ruleId)}</Table.Td>
                  <Table.Td>{formatDate(m.oldDue)}</Table.Td>
                  <Table.Td>
                    <Text span fw={700}>
                      {formatDate(m.newDue)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Alert>
  );
}
