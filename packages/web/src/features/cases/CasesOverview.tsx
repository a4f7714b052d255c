import { CASE_DUE_SOON_DAYS } from "@minhbach/domain";
import { Anchor, Badge, Card, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router-dom";
import { formatDate, formatNumber } from "../../ui/format.ts";
import { ErrorBlock, QueryStatus } from "../../ui/QueryState.tsx";
import { useSession } from "../auth/session.tsx";
import { PATHS } from "../shell/nav.ts";
import { useCaseDashboard, useCaseReminders } from "./api.ts";
import { CaseStateBadge } from "./components.tsx";
import { casePath, casesListPath } from "./paths.ts";
import { CASE_TEXT } from "./text.ts";

const DAYS = CASE_DUE_SOON_DAYS;

function Tile({
  label,
  count,
  color,
  filters,
  href,
  linkText,
  testId,
}: {
  label: string;
  count: number | undefined;
  color: string;
  testId: string;
  /** The list filter the tile opens, for both kinds of case… */
  filters?: Record<string, string>;
  /** …or one page. */
  href?: string;
  linkText?: string;
}) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={700} c={count ? color : "gray.7"} lh={1.3}>
        {count === undefined ? "…" : formatNumber(count)}
      </Text>
      <Group gap="sm" wrap="wrap">
        {filters ? (
          <>
            <Anchor component={Link} to={casesListPath("complaint", filters)} size="sm">
              {CASE_TEXT.homeComplaints}
            </Anchor>
            <Anchor component={Link} to={casesListPath("denunciation", filters)} size="sm">
              {CASE_TEXT.homeDenunciations}
            </Anchor>
          </>
        ) : null}
        {href ? (
          <Anchor component={Link} to={href} size="sm">
            {linkText}
          </Anchor>
        ) : null}
      </Group>
    </Paper>
  );
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
        <Tile
          testId="cases-overdue"
          label={CASE_TEXT.homeOverdue}
          count={d?.overdue}
          color="red.8"
          filters={{ overdue: "true" }}
        />
        <Tile
          testId="cases-due-soon"
          label={CASE_TEXT.homeDueSoon(d?.dueWithinDays ?? DAYS)}
          count={d?.dueSoon}
          color="orange.9"
          filters={{ dueWithinDays: String(d?.dueWithinDays ?? DAYS) }}
        />
        <Tile
          testId="cases-awaiting-signature"
          label={CASE_TEXT.homeAwaitingSignature}
          count={d?.awaitingSignature}
          color="blue.8"
          filters={{ awaitingSignature: "true" }}
        />
        {approver ? (
          <Tile
            testId="cases-pending-requests"
            label={CASE_TEXT.homePendingRequests}
            count={d?.pendingIdentityRequests}
            color="grape.8"
            href={PATHS.identityRequests}
            linkText={CASE_TEXT.homeSeeRequests}
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
                    <Anchor component={Link} to={casePath(r.kind, r.id)} size="sm" fw={700}>
                      {r.code}
                    </Anchor>
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
                      <Text size="sm">{formatDate(r.dueOn)}</Text>
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
