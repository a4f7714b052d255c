import { CASE_DUE_SOON_DAYS } from "@minhbach/domain";
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router-dom";
import { CountTile } from "../../ui/CountTile.tsx";
import { formatDate, formatNumber } from "../../ui/format.ts";
import { ErrorBlock, QueryStatus } from "../../ui/QueryState.tsx";
import { useSession } from "../auth/session.tsx";
import { PATHS } from "../shell/nav.ts";
import { useCaseDashboard, useCaseReminders } from "./api.ts";
import { CaseStateBadge } from "./components.tsx";
import { casePath, casesListPath } from "./paths.ts";
import { CASE_TEXT } from "./text.ts";

const DAYS = CASE_DUE_SOON_DAYS;

/** The two lists a case figure opens: complaints and denunciations, with the same filters. */
function bothKinds(filters: Record<string, string>) {
  return [
    { label: CASE_TEXT.homeComplaints, to: casesListPath("complaint", filters) },
    { label: CASE_TEXT.homeDenunciations, to: casesListPath("denunciation", filters) },
  ];
}

/** The home page's view of complaint and denunciation work, for users who read cases. */
export function CasesOverview() {
  const { can } = useSession();
  const dashboard = useCaseDashboard(DAYS);
  const d = dashboard.data;
  const approver = can("case.approve_reveal");
  return (
    <Card withBorder mb="lg" component="section" aria-labelledby="cases-heading" data-testid="cases-overview">
      <Title order={2} fz="h4" mb="xs" id="cases-heading">
        {CASE_TEXT.homeTitle}
      </Title>
      {dashboard.isError ? <ErrorBlock error={dashboard.error} onRetry={() => void dashboard.refetch()} /> : null}
      {d ? (
        <Text size="sm" c="gray.7" mb="sm">
          {CASE_TEXT.homeOpen(formatNumber(d.open))}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, xs: 2, lg: approver ? 4 : 3 }} spacing="sm">
        <CountTile
          testId="cases-overdue"
          label={CASE_TEXT.homeOverdue}
          count={d?.overdue}
          color="red.8"
          links={bothKinds({ overdue: "true" })}
        />
        <CountTile
          testId="cases-due-soon"
          label={CASE_TEXT.homeDueSoon(d?.dueWithinDays ?? DAYS)}
          count={d?.dueSoon}
          color="orange.9"
          links={bothKinds({ dueWithinDays: String(d?.dueWithinDays ?? DAYS) })}
        />
        <CountTile
          testId="cases-awaiting-signature"
          label={CASE_TEXT.homeAwaitingSignature}
          count={d?.awaitingSignature}
          color="blue.8"
          links={bothKinds({ awaitingSignature: "true" })}
        />
        {approver ? (
          <CountTile
            testId="cases-pending-requests"
            label={CASE_TEXT.homePendingRequests}
            count={d?.pendingIdentityRequests}
            color="grape.8"
            links={[{ label: CASE_TEXT.homeSeeRequests, to: PATHS.identityRequests }]}
          />
        ) : null}
      </SimpleGrid>
      <Reminders />
    </Card>
  );
}

/** "Vụ việc của tôi sắp đến hạn": the cases assigned to me due within the week, or overdue. */
function Reminders() {
  const reminders = useCaseReminders(DAYS);
  return (
    <Stack gap="xs" mt="md" component="section" aria-labelledby="reminders-heading" data-testid="case-reminders">
      <Title order={3} fz="h5" id="reminders-heading">
        {CASE_TEXT.remindersTitle}
      </Title>
      <QueryStatus query={reminders} />
      {reminders.data && reminders.data.length === 0 ? <Text size="sm">{CASE_TEXT.remindersEmpty(DAYS)}</Text> : null}
      {reminders.data && reminders.data.length > 0 ? (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{CASE_TEXT.code}</Table.Th>
                <Table.Th>{CASE_TEXT.content}</Table.Th>
                <Table.Th>{CASE_TEXT.state}</Table.Th>
                <Table.Th>{CASE_TEXT.due}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reminders.data.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Anchor component={Link} to={casePath(r.kind, r.id)} size="sm" fw={700}>
                        {r.code}
                      </Anchor>
                      {r.newlyAssigned ? (
                        <Badge
                          color="blue"
                          variant="light"
                          tt="none"
                          title={CASE_TEXT.reminderAssignedOn(formatDate(r.assignedOn))}
                        >
                          {CASE_TEXT.reminderNew}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {r.title}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <CaseStateBadge state={r.state} label={r.stateLabel} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm">{r.dueOn ? formatDate(r.dueOn) : "—"}</Text>
                      {r.overdue ? (
                        <Badge color="red" variant="light" tt="none">
                          {CASE_TEXT.reminderOverdue}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
