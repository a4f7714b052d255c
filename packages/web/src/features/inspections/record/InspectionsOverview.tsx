/**
 * The home page's view of inspection work, for inspectors and leaders (inspection.read): the
 * inspections in progress, the conclusions past their due date, and the recommendations still open
 * that are overdue or due within the next 30 days. Each figure opens the list behind it.
 */
import { Card, SimpleGrid, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { call } from "../../../api/call.ts";
import { CountTile } from "../../../ui/CountTile.tsx";
import { ErrorBlock } from "../../../ui/QueryState.tsx";
import { PATHS } from "../../shell/nav.ts";
import { INSPECTIONS_KEY } from "./api.ts";

const DAYS = 30;

const TEXT = {
  title: "Thanh tra, kiểm tra",
  inProgress: "Cuộc thanh tra, kiểm tra đang tiến hành",
  overdueConclusions: "Kết luận quá hạn (giao dự thảo, dự thảo, ký)",
  recommendationsOverdue: "Kiến nghị quá hạn thực hiện",
  recommendationsDueSoon: (days: number) => `Kiến nghị đến hạn trong ${days} ngày`,
  seeInspections: "Xem danh sách cuộc thanh tra",
  seeFollowUp: "Xem danh sách theo dõi kiến nghị",
};

export function InspectionsOverview() {
  const dashboard = useQuery({
    queryKey: [...INSPECTIONS_KEY, "dashboard", DAYS],
    queryFn: ({ signal }) => call("inspections.dashboard", { query: { days: DAYS }, signal }),
  });
  const d = dashboard.data;
  const followUp = `${PATHS.inspections}/theo-doi`;
  return (
    <Card
      withBorder
      mb="lg"
      component="section"
      aria-labelledby="inspections-heading"
      data-testid="inspections-overview"
    >
      <Title order={2} fz="h4" mb="sm" id="inspections-heading">
        {TEXT.title}
      </Title>
      {dashboard.isError ? <ErrorBlock error={dashboard.error} onRetry={() => void dashboard.refetch()} /> : null}
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm">
        <CountTile
          testId="inspections-in-progress"
          label={TEXT.inProgress}
          count={d?.inProgress}
          color="blue.8"
          links={[{ label: TEXT.seeInspections, to: PATHS.inspections }]}
        />
        <CountTile
          testId="inspections-overdue-conclusions"
          label={TEXT.overdueConclusions}
          count={d?.overdueConclusions}
          color="red.8"
          links={[{ label: TEXT.seeInspections, to: PATHS.inspections }]}
        />
        <CountTile
          testId="recommendations-overdue"
          label={TEXT.recommendationsOverdue}
          count={d?.recommendationsOverdue}
          color="red.8"
          links={[{ label: TEXT.seeFollowUp, to: `${followUp}?overdue=true` }]}
        />
        <CountTile
          testId="recommendations-due-soon"
          label={TEXT.recommendationsDueSoon(d?.dueWithinDays ?? DAYS)}
          count={d?.recommendationsDueSoon}
          color="orange.9"
          links={[{ label: TEXT.seeFollowUp, to: followUp }]}
        />
      </SimpleGrid>
    </Card>
  );
}
