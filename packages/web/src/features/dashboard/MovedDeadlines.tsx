import { Card, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { call } from "../../api/call.ts";
import { formatDate } from "../../ui/format.ts";
import { DASHBOARD_TEXT } from "./text.ts";

/**
 * Due dates in the user's scope that moved because a year's working calendar changed (a holiday
 * declared or corrected): officers see what moved, from when to when, and why.
 */
export function MovedDeadlines() {
  const changes = useQuery({
    queryKey: ["deadline-changes"],
    queryFn: ({ signal }) => call("deadlines.changes", { signal }),
    select: (data) => data.items.slice(0, 20),
  });
  if (!changes.data?.length) return null;
  return (
    <Card withBorder mb="lg" component="section" aria-labelledby="moved-heading">
      <Title order={2} fz="h4" mb="xs" id="moved-heading">
        {DASHBOARD_TEXT.movedTitle}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {DASHBOARD_TEXT.movedIntro}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{DASHBOARD_TEXT.movedWhat}</Table.Th>
              <Table.Th>{DASHBOARD_TEXT.movedOld}</Table.Th>
              <Table.Th>{DASHBOARD_TEXT.movedNew}</Table.Th>
              <Table.Th>{DASHBOARD_TEXT.movedWhy}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.data.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.label}</Table.Td>
                <Table.Td>{formatDate(c.oldDue)}</Table.Td>
                <Table.Td fw={600}>{formatDate(c.newDue)}</Table.Td>
                <Table.Td>{c.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
