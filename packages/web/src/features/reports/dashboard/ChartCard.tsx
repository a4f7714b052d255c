/**
 * One chart of the reports dashboard, accessible: a heading, a text summary of the year's totals
 * against last year, the chart (bars or lines; a bar opens its records), and a table view
 * ("Xem dạng bảng") whose every figure is a button opening the records it counts.
 */
import { BarChart, LineChart } from "@mantine/charts";
import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useId, useState } from "react";
import { formatNumber } from "../../../ui/format.ts";
import type { DashboardView } from "../api.ts";
import { DASHBOARD_TEXT as T } from "./text.ts";

type Chart = DashboardView["charts"][number];
export type ChartPoint = Chart["points"][number];

/** Dark shades: at least 3:1 against white for the marks (WCAG 1.4.11), the legend's text in the page colour. */
const COLOURS = ["blue.8", "teal.9", "orange.9", "grape.8", "red.9"];
const LAST_YEAR_COLOURS = ["blue.6", "teal.7", "orange.7", "grape.6", "red.7"];

export function formatValue(value: number, unit: string) {
  return unit === "triệu đồng" ? `${formatNumber(value)} triệu đồng` : formatNumber(value);
}

export function ChartCard({
  chart,
  compare,
  onOpen,
}: {
  chart: Chart;
  compare: boolean;
  onOpen: (point: ChartPoint, indicator: string, lastYear: boolean) => void;
}) {
  const [table, setTable] = useState(false);
  const id = useId();
  const unit = chart.series[0]?.unit ?? "";
  const data = chart.points.map((p) => ({
    label: p.label,
    ...Object.fromEntries(chart.series.map((s) => [s.indicator, p.values[s.indicator] ?? 0])),
    ...Object.fromEntries(chart.series.map((s) => [`${s.indicator}:ly`, p.lastYearValues[s.indicator] ?? 0])),
  }));
  const series = [
    ...chart.series.map((s, i) => ({ name: s.indicator, label: s.name, color: COLOURS[i % COLOURS.length]! })),
    ...(compare
      ? chart.series.map((s, i) => ({
          name: `${s.indicator}:ly`,
          label: `${s.name} (${T.lastYear})`,
          color: LAST_YEAR_COLOURS[i % LAST_YEAR_COLOURS.length]!,
          strokeDasharray: "6 4",
        }))
      : []),
  ];
  const total = (indicator: string, lastYear: boolean) =>
    chart.points.reduce((n, p) => n + ((lastYear ? p.lastYearValues : p.values)[indicator] ?? 0), 0);
  const horizontal = chart.along === "field";
  const valueFormatter = (v: number) => formatValue(v, unit);
  const open = (seriesName: string, index: number) => {
    const point = chart.points[index];
    if (!point) return;
    const lastYear = seriesName.endsWith(":ly");
    onOpen(point, lastYear ? seriesName.slice(0, -3) : seriesName, lastYear);
  };
  return (
    <Card withBorder component="section" aria-labelledby={`${id}-title`} data-chart={chart.id}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} fz="h4" id={`${id}-title`}>
            {chart.title}
          </Title>
          <Button
            variant="light"
            size="xs"
            aria-expanded={table}
            aria-controls={`${id}-table`}
            onClick={() => setTable((v) => !v)}
          >
            {table ? T.hideTable : T.showTable}
          </Button>
        </Group>
        <Stack gap={0} id={`${id}-summary`}>
          {chart.series.map((s) => (
            <Text size="sm" key={s.indicator}>
              {T.summary(
                s.name,
                formatValue(total(s.indicator, false), s.unit),
                formatValue(total(s.indicator, true), s.unit),
              )}
            </Text>
          ))}
        </Stack>
        {chart.points.length === 0 ? (
          <Text c="dimmed">{T.empty}</Text>
        ) : (
          <div aria-describedby={`${id}-summary`}>
            {chart.along === "period" && chart.id === "trend" ? (
              <LineChart
                h={280}
                data={data}
                dataKey="label"
                series={series}
                withLegend
                legendProps={{ verticalAlign: "bottom" }}
                valueFormatter={valueFormatter}
                curveType="linear"
                activeDotProps={{ r: 6 }}
                tickLine="y"
              />
            ) : (
              <BarChart
                h={horizontal ? Math.max(220, chart.points.length * (compare ? 44 : 30) + 60) : 280}
                data={data}
                dataKey="label"
                series={series}
                orientation={horizontal ? "vertical" : "horizontal"}
                withLegend
                legendProps={{ verticalAlign: "bottom" }}
                valueFormatter={valueFormatter}
                yAxisProps={horizontal ? { width: 150 } : undefined}
                barProps={(s) => ({
                  cursor: "pointer",
                  onClick: (_: unknown, index: number) => open(s.name, index),
                })}
              />
            )}
          </div>
        )}
        {table ? (
          <Table.ScrollContainer minWidth={480} id={`${id}-table`}>
            <Table striped withTableBorder aria-labelledby={`${id}-title`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{T.point}</Table.Th>
                  {chart.series.map((s) => (
                    <Table.Th scope="col" key={s.indicator} ta="right">
                      {s.name} ({s.unit})
                    </Table.Th>
                  ))}
                  {chart.series.map((s) => (
                    <Table.Th scope="col" key={`${s.indicator}:ly`} ta="right">
                      {s.name} — {T.lastYearShort}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {chart.points.map((p) => (
                  <Table.Tr key={p.key} data-point={p.key}>
                    <Table.Th scope="row" fw={500}>
                      {p.label}
                    </Table.Th>
                    {[false, true].flatMap((lastYear) =>
                      chart.series.map((s) => {
                        const value = (lastYear ? p.lastYearValues : p.values)[s.indicator] ?? 0;
                        return (
                          <Table.Td key={`${s.indicator}:${lastYear}`} ta="right">
                            <Anchor
                              component="button"
                              type="button"
                              onClick={() => onOpen(p, s.indicator, lastYear)}
                              aria-label={T.figureLabel(s.name, p.label, formatValue(value, s.unit), lastYear)}
                              data-figure={`${s.indicator}${lastYear ? ":ly" : ""}`}
                            >
                              {formatNumber(value)}
                            </Anchor>
                          </Table.Td>
                        );
                      }),
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
    </Card>
  );
}
