import { Badge, Card, Group, Paper, SimpleGrid, Text, Title } from "@mantine/core";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { formatNumber } from "../../ui/format.ts";
import { useAgencyGroups } from "./api.ts";
import { AGENCY_TEXT, GROUP_KIND_LABELS } from "./text.ts";

export function AgencyGroups() {
  const groups = useAgencyGroups();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="agency-groups-title">
      <Title order={2} fz="h4" id="agency-groups-title">
        {AGENCY_TEXT.groupsTitle}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {AGENCY_TEXT.groupsDescription}
      </Text>
      <QueryStatus query={groups} />
      {groups.data && groups.data.length === 0 ? <Text>{AGENCY_TEXT.groupsEmpty}</Text> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {groups.data?.map((group) => (
          <Card key={group.id} withBorder padding="sm">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Text fw={600}>{group.name}</Text>
              <Badge variant="light" color="violet" style={{ flex: "none" }}>
                {GROUP_KIND_LABELS[group.kind] ?? group.kind}
              </Badge>
            </Group>
            <Text size="xs" c="gray.7" mb={6}>
              {AGENCY_TEXT.code}: {group.code} · {AGENCY_TEXT.members(formatNumber(group.memberIds.length))}
            </Text>
            <Text size="sm">{group.memberNames.join(", ")}</Text>
          </Card>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
