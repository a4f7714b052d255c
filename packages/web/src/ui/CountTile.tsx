import { Anchor, Group, Paper, Text } from "@mantine/core";
import { Link } from "react-router-dom";
import { formatNumber } from "./format.ts";

export interface TileLink {
  label: string;
  /** The list, filtered to the rows the count counts. */
  to: string;
}

/**
 * One figure of the home page: what it counts, the number (in red, orange… when not zero) and the
 * lists that show the rows behind it. `more`: the count stopped at the list's cap ("hơn 10.000").
 */
export function CountTile({
  label,
  count,
  more = false,
  color,
  links,
  testId,
}: {
  label: string;
  count: number | undefined;
  more?: boolean;
  color: string;
  links: readonly TileLink[];
  testId: string;
}) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={700} c={count ? color : "gray.7"} lh={1.3}>
        {count === undefined ? "…" : `${more ? "hơn " : ""}${formatNumber(count)}`}
      </Text>
      <Group gap="sm" wrap="wrap">
        {links.map((link) => (
          <Anchor key={link.to} component={Link} to={link.to} size="sm">
            {link.label}
          </Anchor>
        ))}
      </Group>
    </Paper>
  );
}
