/**
 * "Kết quả khảo sát hài lòng": the portal survey's answers of an agency in a period (satisfied,
 * very satisfied, per level, as the reports count them) and the comments citizens left with
 * them — sealed at rest, opened here with phones, e-mails and identity numbers masked; each
 * opening of the comments is recorded in the audit log.
 */
import type { SurveyCommentsView } from "@minhbach/domain/api/routes/portal";
import { SURVEY_LEVELS, type SurveyRating } from "@minhbach/domain/portal/survey";
import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { call } from "../../api/call.ts";
import { SortableTh, type SortOrder } from "../../ui/DataTable.tsx";
import { DateField } from "../../ui/DateField.tsx";
import { ExportMenu } from "../../ui/ExportMenu.tsx";
import { formatDate, formatNumber, todayIso } from "../../ui/format.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { useMe } from "../auth/session.tsx";

type Comment = SurveyCommentsView["items"][number];
type SortKey = "answeredOn" | "rating";

const SOURCE = { petition: "Người gửi đơn (mã tra cứu)", reception: "Người đến nơi tiếp công dân" } as const;

function levelLabel(rating: number): string {
  return SURVEY_LEVELS[rating as SurveyRating] ?? String(rating);
}

function percent(value: number | null): string {
  return value === null ? "—" : `${value.toLocaleString("vi-VN")} %`;
}

export default function SurveyResultsPage() {
  const me = useMe();
  const agencies = useQuery({
    queryKey: ["portal", "survey", "agencies"],
    queryFn: ({ signal }) => call("agencies.list", { query: {}, signal }),
  });
  const today = todayIso();
  const [agencyId, setAgencyId] = useState<string | null>(me?.agency.id ?? null);
  const [from, setFrom] = useState<string | null>(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState<string | null>(today);
  const [chosen, setChosen] = useState<{ agencyId: string; from: string; to: string } | null>(null);
  const [rating, setRating] = useState<string | null>(null);
  const [sort, setSort] = useState<SortKey>("answeredOn");
  const [order, setOrder] = useState<SortOrder>("desc");

  const counts = useQuery({
    queryKey: ["portal", "survey", "counts", chosen],
    queryFn: ({ signal }) => call("portal.survey.counts", { query: chosen!, signal }),
    enabled: chosen !== null,
  });
  const comments = useQuery({
    queryKey: ["portal", "survey", "comments", chosen],
    queryFn: ({ signal }) => call("portal.survey.comments", { query: chosen!, signal }),
    enabled: chosen !== null,
  });
  const rows = useMemo(() => {
    const list = (comments.data?.items ?? []).filter((c) => !rating || String(c.rating) === rating);
    const sign = order === "asc" ? 1 : -1;
    return [...list].sort((a, b) =>
      sort === "rating" ? sign * (a.rating - b.rating) : sign * a.answeredOn.localeCompare(b.answeredOn),
    );
  }, [comments.data, rating, sort, order]);
  const c = counts.data;

  return (
    <Stack>
      <PageHeader
        title="Kết quả khảo sát mức độ hài lòng"
        description="Phiếu khảo sát trên cổng công dân: người gửi đơn (khi đơn đã xử lý xong) và người đến nơi tiếp công dân."
      />
      <Paper withBorder p="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (agencyId && from && to) setChosen({ agencyId, from, to });
          }}
        >
          <Group align="flex-end" wrap="wrap">
            <Select
              label="Cơ quan"
              required
              searchable
              data={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.code})` }))}
              value={agencyId}
              onChange={setAgencyId}
              w={360}
            />
            <DateField label="Từ ngày" required value={from} onChange={setFrom} />
            <DateField label="Đến ngày" required value={to} onChange={setTo} />
            <Button type="submit" disabled={!agencyId || !from || !to}>
              Xem kết quả
            </Button>
          </Group>
        </form>
      </Paper>
      <QueryStatus query={counts} />
      {c ? (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Paper withBorder p="sm">
            <Text size="sm" fw={600}>
              Số phiếu
            </Text>
            <Text fz={28} fw={700}>
              {formatNumber(c.answers)}
            </Text>
            <Text size="sm" c="dimmed">
              {formatNumber(c.fromPetitioners)} của người gửi đơn, {formatNumber(c.fromVisitors)} tại nơi tiếp công dân
            </Text>
          </Paper>
          <Paper withBorder p="sm">
            <Text size="sm" fw={600}>
              Hài lòng trở lên
            </Text>
            <Text fz={28} fw={700}>
              {percent(c.satisfiedPercent)}
            </Text>
            <Text size="sm" c="dimmed">
              {formatNumber(c.satisfied)} phiếu “hài lòng” hoặc “rất hài lòng”
            </Text>
          </Paper>
          <Paper withBorder p="sm">
            <Text size="sm" fw={600}>
              Rất hài lòng
            </Text>
            <Text fz={28} fw={700}>
              {percent(c.verySatisfiedPercent)}
            </Text>
            <Text size="sm" c="dimmed">
              {formatNumber(c.verySatisfied)} phiếu
            </Text>
          </Paper>
        </SimpleGrid>
      ) : null}
      {c ? (
        <Table aria-label="Số phiếu theo mức" maw={480}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Mức đánh giá</Table.Th>
              <Table.Th ta="right">Số phiếu</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[5, 4, 3, 2, 1].map((level) => (
              <Table.Tr key={level}>
                <Table.Td>{levelLabel(level)}</Table.Td>
                <Table.Td ta="right">{formatNumber(c.byLevel[level as 1 | 2 | 3 | 4 | 5])}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {chosen ? (
        <Stack gap="xs">
          <Text fw={700} component="h2" size="lg">
            Ý kiến ghi trong phiếu
          </Text>
          <Alert color="blue">
            Ý kiến được mã hóa khi lưu; số điện thoại, thư điện tử, số giấy tờ đã được che. Mỗi lần xem được ghi vào
            nhật ký hệ thống.
          </Alert>
          <QueryStatus query={comments} />
          {comments.data?.truncated ? (
            <Text size="sm">Chỉ hiển thị 500 ý kiến mới nhất; thu hẹp khoảng thời gian để xem các ý kiến khác.</Text>
          ) : null}
          <Group align="flex-end">
            <Select
              label="Lọc theo mức đánh giá"
              placeholder="Tất cả các mức"
              clearable
              data={[5, 4, 3, 2, 1].map((l) => ({ value: String(l), label: levelLabel(l) }))}
              value={rating}
              onChange={setRating}
              w={240}
            />
            <ExportMenu
              fileName="y-kien-khao-sat"
              sheetName="Ý kiến khảo sát"
              load={async () => ({
                headers: ["Ngày", "Nguồn", "Mức đánh giá", "Ý kiến"],
                rows: rows.map((r) => [formatDate(r.answeredOn), SOURCE[r.source], levelLabel(r.rating), r.comment]),
              })}
              progressText={() => "Đang xuất…"}
              doneText={(n) => `Đã xuất ${formatNumber(n)} ý kiến.`}
            />
          </Group>
          {comments.data && rows.length === 0 ? <Text size="sm">Không có ý kiến nào.</Text> : null}
          {rows.length ? (
            <Table.ScrollContainer minWidth={640}>
              <Table striped aria-label="Ý kiến ghi trong phiếu khảo sát">
                <Table.Thead>
                  <Table.Tr>
                    <SortableTh
                      column="answeredOn"
                      sort={sort}
                      order={order}
                      onSort={(col, o) => {
                        setSort(col);
                        setOrder(o);
                      }}
                    >
                      Ngày
                    </SortableTh>
                    <Table.Th>Nguồn</Table.Th>
                    <SortableTh
                      column="rating"
                      sort={sort}
                      order={order}
                      onSort={(col, o) => {
                        setSort(col);
                        setOrder(o);
                      }}
                    >
                      Mức đánh giá
                    </SortableTh>
                    <Table.Th>Ý kiến</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r: Comment) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>{formatDate(r.answeredOn)}</Table.Td>
                      <Table.Td>{SOURCE[r.source]}</Table.Td>
                      <Table.Td>{levelLabel(r.rating)}</Table.Td>
                      <Table.Td style={{ whiteSpace: "pre-wrap" }}>{r.comment}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
