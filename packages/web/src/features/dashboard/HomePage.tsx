import { ROLES } from "@minhbach/domain";
import { Badge, Card, Group, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from "@mantine/core";
import { Link } from "react-router-dom";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { useMe, useSession } from "../auth/session.tsx";
import { AnticorruptionOverview } from "../anticorruption/AnticorruptionOverview.tsx";
import { CasesOverview } from "../cases/CasesOverview.tsx";
import { InspectionsOverview } from "../inspections/record/InspectionsOverview.tsx";
import { PetitionsOverview } from "../petitions/PetitionsOverview.tsx";
import { ReceptionOverview } from "../reception/ReceptionOverview.tsx";
import { ADMIN_NAV, WORK_NAV, type NavItem } from "../shell/nav.ts";
import classes from "./HomePage.module.css";
import { MovedDeadlines } from "./MovedDeadlines.tsx";
import { DASHBOARD_TEXT } from "./text.ts";

function AreaCard({ item }: { item: NavItem }) {
  return (
    <UnstyledButton component={Link} to={item.path} className={classes.card}>
      <Group gap="sm" wrap="nowrap" justify="space-between">
        <Group gap="sm" wrap="nowrap">
          <item.icon size={22} stroke={1.6} aria-hidden />
          <Text fw={600}>{item.label}</Text>
        </Group>
        {item.comingSoon ? (
          <Badge size="sm" variant="light" color="gray" style={{ flex: "none" }}>
            {DASHBOARD_TEXT.comingSoon}
          </Badge>
        ) : null}
      </Group>
    </UnstyledButton>
  );
}

export default function HomePage() {
  const me = useMe();
  const { can } = useSession();
  const areas = [...WORK_NAV.filter((i) => i.path !== "/"), ...ADMIN_NAV].filter(
    (item) => !item.permission || can(item.permission),
  );
  const ready = areas.filter((i) => !i.comingSoon);
  const coming = areas.filter((i) => i.comingSoon);

  return (
    <>
      <PageHeader title={DASHBOARD_TEXT.title} />
      <Paper withBorder p="lg" mb="lg">
        <Title order={2} fz="h3" mb="xs">
          {DASHBOARD_TEXT.greeting(me.user.fullName)}
        </Title>
        <Stack gap={4}>
          <Text>
            <Text span fw={600}>
              {DASHBOARD_TEXT.agency}:{" "}
            </Text>
            {me.agency.name}
          </Text>
          <Text>
            <Text span fw={600}>
              {DASHBOARD_TEXT.username}:{" "}
            </Text>
            {me.user.username}
          </Text>
          <Group gap={6} align="center">
            <Text span fw={600}>
              {DASHBOARD_TEXT.roles}:
            </Text>
            {me.user.roles.map((code) => (
              <Badge key={code} variant="light" color="blue" title={ROLES[code]?.description}>
                {ROLES[code]?.name ?? code}
              </Badge>
            ))}
          </Group>
        </Stack>
        <Text size="sm" c="dimmed" mt="sm">
          {DASHBOARD_TEXT.intro}
        </Text>
      </Paper>

      <MovedDeadlines />

      {can("petition.read") ? <PetitionsOverview /> : null}
      {can("case.read") ? <CasesOverview /> : null}
      {can("reception.read") ? <ReceptionOverview /> : null}
      {can("inspection.read") ? <InspectionsOverview /> : null}
      {can("anticorruption.write") ? <AnticorruptionOverview /> : null}

      <Card withBorder mb="lg" component="section" aria-labelledby="ready-heading">
        <Title order={2} fz="h4" mb="sm" id="ready-heading">
          {DASHBOARD_TEXT.ready}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {ready.map((item) => (
            <AreaCard key={item.path} item={item} />
          ))}
        </SimpleGrid>
      </Card>
      <Card withBorder component="section" aria-labelledby="coming-heading">
        <Title order={2} fz="h4" mb="sm" id="coming-heading">
          {DASHBOARD_TEXT.comingSoon}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {coming.map((item) => (
            <AreaCard key={item.path} item={item} />
          ))}
        </SimpleGrid>
      </Card>
    </>
  );
}
