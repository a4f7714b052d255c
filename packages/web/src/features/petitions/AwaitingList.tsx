import { Anchor, Badge, Button, Group, Paper, Table, Text } from "@mantine/core";
import { IconBellRinging } from "@tabler/icons-react";
import { Link } from "react-router-dom";
import { ExportMenu } from "../../ui/ExportMenu.tsx";
import { formatDate, formatNumber } from "../../ui/format.ts";
import { ErrorBlock, LoadingBlock } from "../../ui/QueryState.tsx";
import { useSession } from "../auth/session.tsx";
import { useAwaiting } from "./api.ts";
import { petitionPath, PetitionStateBadge } from "./components.tsx";
import { stateLabel } from "./labels.ts";
import { PETITION_TEXT } from "./text.ts";

/** "Chờ phản hồi, đôn đốc": transferred or guided petitions still waiting for an answer. */
export function AwaitingList() {
  const awaiting = useAwaiting();
  const { can } = useSession();
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="flex-start" gap="sm" mb="sm" wrap="wrap">
        <Text size="sm" style={{ flex: "1 1 320px" }}>
          {PETITION_TEXT.awaitingIntro}
        </Text>
        <ExportMenu
          fileName={PETITION_TEXT.awaitingFileName}
          sheetName={PETITION_TEXT.tabAwaiting}
          load={async (onProgress) => {
            const items = awaiting.data ?? (await awaiting.refetch()).data ?? [];
            onProgress(items.length, items.length);
            return {
              headers: [
                PETITION_TEXT.code,
                PETITION_TEXT.petitioner,
                PETITION_TEXT.status,
                PETITION_TEXT.since,
                PETITION_TEXT.daysWaiting,
                PETITION_TEXT.replyDue,
                PETITION_TEXT.urged,
              ],
              rows: items.map((a) => [
                a.code,
                a.petitioner,
                stateLabel(a.status),
                formatDate(a.since),
                a.daysWaiting,
                formatDate(a.replyDue),
                a.urgeCount,
              ]),
            };
          }}
          progressText={(done, total) => PETITION_TEXT.exportProgress(formatNumber(done), formatNumber(total))}
          doneText={(n) => PETITION_TEXT.exported(formatNumber(n))}
        />
      </Group>
      {awaiting.isPending ? <LoadingBlock /> : null}
      {awaiting.isError ? <ErrorBlock error={awaiting.error} onRetry={() => void awaiting.refetch()} /> : null}
      {awaiting.data && awaiting.data.length === 0 ? <Text>{PETITION_TEXT.awaitingEmpty}</Text> : null}
      {awaiting.data && awaiting.data.length > 0 ? (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="xs" data-testid="awaiting-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{PETITION_TEXT.code}</Table.Th>
                <Table.Th>{PETITION_TEXT.petitioner}</Table.Th>
                <Table.Th>{PETITION_TEXT.status}</Table.Th>
                <Table.Th>{PETITION_TEXT.since}</Table.Th>
                <Table.Th>{PETITION_TEXT.daysWaiting}</Table.Th>
                <Table.Th>{PETITION_TEXT.replyDue}</Table.Th>
                <Table.Th>{PETITION_TEXT.urged}</Table.Th>
                {can("petition.write") ? <Table.Th>{PETITION_TEXT.urge}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {awaiting.data.map((a) => (
                <Table.Tr key={a.petitionId} data-code={a.code}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <Anchor component={Link} to={petitionPath(a.petitionId)} fw={700} size="sm">
                      {a.code}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{a.petitioner}</Table.Td>
                  <Table.Td>
                    <PetitionStateBadge state={a.status} />
                  </Table.Td>
                  <Table.Td>{formatDate(a.since)}</Table.Td>
                  <Table.Td>{PETITION_TEXT.days(formatNumber(a.daysWaiting))}</Table.Td>
                  <Table.Td>
                    {a.replyDue ? (
                      <Badge variant="light" color={a.overdue ? "red" : "blue"} tt="none">
                        {formatDate(a.replyDue)} · {a.overdue ? PETITION_TEXT.overdueReply : PETITION_TEXT.waitingReply}
                      </Badge>
                    ) : (
                      "—"
                    )}
                  </Table.Td>
                  <Table.Td>
                    {a.urgeCount > 0
                      ? PETITION_TEXT.urgedTimes(formatNumber(a.urgeCount), formatDate(a.lastUrgedOn))
                      : PETITION_TEXT.neverUrged}
                  </Table.Td>
                  {can("petition.write") ? (
                    <Table.Td>
                      {a.status !== "TRANSFERRED" ? (
                        <Button
                          component={Link}
                          to={`${petitionPath(a.petitionId)}?thao-tac=urge`}
                          size="xs"
                          variant={a.overdue ? "filled" : "light"}
                          color={a.overdue ? "red" : "blue"}
                          leftSection={<IconBellRinging size={14} aria-hidden />}
                          aria-label={PETITION_TEXT.urgeFor(a.code)}
                        >
                          {PETITION_TEXT.urge}
                        </Button>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Paper>
  );
}
