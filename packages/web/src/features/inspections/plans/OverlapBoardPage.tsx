/**
 * The year's overlaps across the agencies in scope (a province leader sees them all), counted by
 * kind of subject as the cluster report writes it, each with its entries and resolutions.
 */
import { SUBJECT_KINDS, type SubjectKind } from "@minhbach/domain";
import { Anchor, Badge, Group, NumberInput, Paper, Stack, Table, Text } from "@mantine/core";
import { Link } from "react-router-dom";
import { PageHeader } from "../../../ui/PageHeader.tsx";
import { QueryStatus } from "../../../ui/QueryState.tsx";
import { useOverlapBoard } from "./api.ts";
import { useYear } from "./PlansPage.tsx";
import { PLAN_TEXT, PLANS_PATH } from "./text.ts";

export default function OverlapBoardPage() {
  const [year, setYear] = useYear();
  const board = useOverlapBoard(year);
  const b = board.data;
  return (
    <>
      <PageHeader
        title={PLAN_TEXT.boardTitle}
        description={PLAN_TEXT.boardDescription}
        actions={
          <Anchor component={Link} to={`${PLANS_PATH}?year=${year}`}>
            {PLAN_TEXT.title}
          </Anchor>
        }
      />
      <NumberInput
        label={PLAN_TEXT.year}
        value={year}
        min={2000}
        max={2200}
        w={120}
        mb="md"
        onChange={(v) => typeof v === "number" && setYear(v)}
      />
      <QueryStatus query={board} />
      {b ? (
        <Stack gap="md">
          <Paper withBorder p="md">
            <Text fw={700} data-testid="overlap-sentence">
              {b.sentence}
            </Text>
            <Group gap="xs" mt="xs">
              {(Object.keys(b.byKind) as SubjectKind[]).map((k) => (
                <Badge key={k} variant="light">
                  {SUBJECT_KINDS[k]}: {b.byKind[k]}
                </Badge>
              ))}
            </Group>
            <Text size="sm" c="dimmed" mt="xs">
              {PLAN_TEXT.resolvedCount(b.resolved)}
            </Text>
          </Paper>
          {b.items.length === 0 ? <Text>{PLAN_TEXT.boardEmpty}</Text> : null}
          {b.items.length > 0 ? (
            <Paper withBorder p="md">
              <Table.ScrollContainer minWidth={760}>
                <Table striped verticalSpacing="xs" data-testid="overlap-board">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{PLAN_TEXT.subjects}</Table.Th>
                      <Table.Th>{PLAN_TEXT.entries}</Table.Th>
                      <Table.Th>{PLAN_TEXT.resolutions}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {b.items.map((i) => (
                      <Table.Tr key={i.subjectId}>
                        <Table.Td>
                          <Text size="sm" fw={700}>
                            {i.subjectName}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {SUBJECT_KINDS[i.subjectKind as SubjectKind] ?? i.subjectKind}
                            {i.taxCode ? ` — MST ${i.taxCode}` : ""}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {i.entries.map((e, n) => (
                            <Text key={n} size="sm">
                              {e.agencyName}: {e.label}
                            </Text>
                          ))}
                        </Table.Td>
                        <Table.Td>
                          {i.resolutions.map((r) => (
                            <Text key={r.id} size="sm">
                              {r.agencyName}: {r.outcomeLabel}
                              {r.reason ? ` (${r.reason})` : ""}
                            </Text>
                          ))}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          ) : null}
        </Stack>
      ) : null}
    </>
  );
}
