import { Badge, Group, List, Paper, Text, ThemeIcon } from "@mantine/core";
import { IconHammer } from "@tabler/icons-react";
import { useLocation } from "react-router-dom";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { COMING_AREAS, COMING_SOON_TEXT } from "./text.ts";

export default function ComingSoonPage() {
  const { pathname } = useLocation();
  const area = COMING_AREAS[pathname];
  if (!area) return null;
  return (
    <>
      <PageHeader
        title={area.title}
        description={area.summary}
        actions={
          <Badge size="lg" variant="light" color="orange">
            {COMING_SOON_TEXT.badge}
          </Badge>
        }
      />
      <Paper withBorder p="lg" maw={760}>
        <Group gap="sm" mb="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="light" color="orange" size="lg" aria-hidden>
            <IconHammer size={20} />
          </ThemeIcon>
          <Text>{COMING_SOON_TEXT.lead}</Text>
        </Group>
        <List spacing="xs" withPadding>
          {area.items.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
        <Text size="sm" c="dimmed" mt="md">
          {COMING_SOON_TEXT.meanwhile}
        </Text>
      </Paper>
    </>
  );
}
