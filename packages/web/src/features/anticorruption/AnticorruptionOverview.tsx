import { Card, SimpleGrid, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { call } from "../../api/call.ts";
import { CountTile } from "../../ui/CountTile.tsx";
import { formatNumber, todayIso } from "../../ui/format.ts";
import { PATHS } from "../shell/nav.ts";
import { AC_KEY, useCampaigns, usePlans } from "./api.ts";
import { OVERVIEW_TEXT as T } from "./records-text.ts";

/**
 * The anti-corruption officer's cards on the home page: the latest campaign's progress
 * (declared / obligated), verifications of the latest plan still without a conclusion, and the
 * people whose rotation is due today (full period reached, maximum near or passed).
 */
export function AnticorruptionOverview() {
  const campaigns = useCampaigns();
  const plans = usePlans();
  const latestCampaign = campaigns.data?.items.slice().sort((a, b) => b.year - a.year)[0];
  const latestPlan = plans.data?.items.slice().sort((a, b) => b.year - a.year)[0];
  const plan = useQuery({
    queryKey: [...AC_KEY, "plan", latestPlan?.id ?? null],
    queryFn: ({ signal }) => call("anticorruption.plans.get", { params: { id: latestPlan!.id }, signal }),
    enabled: latestPlan !== undefined,
  });
  const today = todayIso();
  const rotation = useQuery({
    queryKey: [...AC_KEY, "rotation", today],
    queryFn: ({ signal }) => call("anticorruption.rotation.list", { query: { on: today }, signal }),
  });
  const pendingVerifications = plan.data?.verifications.filter((v) => v.conclusion === null).length;
  const counts = rotation.data?.counts;
  const rotationDue = counts ? (counts.due ?? 0) + (counts.approaching_max ?? 0) + (counts.over_max ?? 0) : undefined;
  const pending = latestCampaign ? latestCampaign.obligated - latestCampaign.received : undefined;
  return (
    <Card withBorder mb="lg" component="section" aria-labelledby="ac-heading" data-testid="ac-overview">
      <Title order={2} fz="h4" mb="xs" id="ac-heading">
        {T.title}
      </Title>
      {latestCampaign ? (
        <Text size="sm" c="gray.7" mb="sm">
          {T.progress(
            latestCampaign.year,
            formatNumber(latestCampaign.received),
            formatNumber(latestCampaign.obligated),
          )}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <CountTile
          testId="ac-not-declared"
          label={T.notDeclared}
          count={campaigns.data ? (pending ?? 0) : undefined}
          color="orange.9"
          links={[{ label: T.open, to: PATHS.anticorruption }]}
        />
        <CountTile
          testId="ac-verifying"
          label={T.verifying}
          count={plans.data ? (pendingVerifications ?? 0) : undefined}
          color="blue.8"
          links={[{ label: T.open, to: `${PATHS.anticorruption}?phan=lottery` }]}
        />
        <CountTile
          testId="ac-rotation-due"
          label={T.rotationDue}
          count={rotationDue}
          color="red.8"
          links={[{ label: T.open, to: `${PATHS.anticorruption}?phan=rotation` }]}
        />
      </SimpleGrid>
    </Card>
  );
}
