import { FOLLOW_UP_STATUS_LABELS, FOLLOW_UP_STATUSES, formatMillions } from "@minhbach/domain";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Chip,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router-dom";
import { call, type Answer } from "../../../api/call.ts";
import { AttachmentsPanel } from "../../attachments/AttachmentsPanel.tsx";
import { DateField } from "../../../ui/DateField.tsx";
import { saveDownload } from "../../../ui/download.ts";
import { formatDate, formatNumber, todayIso } from "../../../ui/format.ts";
import { reportServerError } from "../../../ui/forms.ts";
import { FilterPanel, ListResults, QuickFilters } from "../../../ui/list-page/ListPage.tsx";
import { useListState } from "../../../ui/list-page/list-state.ts";
import { PageHeader } from "../../../ui/PageHeader.tsx";
import { useAppForm } from "../../../ui/use-app-form.ts";
import { useSession } from "../../auth/session.tsx";

type Item = Answer<"inspectionFollowUp.list">["items"][number];

const FILTERS = {
  overdue: "flag",
  status: "text",
  minOutstanding: "text",
  year: "text",
  agencyId: "text",
  inspectionId: "text",
} as const;
const SORT_KEYS = ["due_on", "outstanding", "concluded_on", "amount"] as const;
const year = new Date().getFullYear();
const YEARS = [year, year - 1, year - 2, year - 3, year - 4].map((y) => ({ value: String(y), label: String(y) }));
const SORTS = [
  { value: "due_on", label: "Hạn thực hiện" },
  { value: "outstanding", label: "Số còn phải thu hồi" },
  { value: "concluded_on", label: "Ngày kết luận" },
  { value: "amount", label: "Số tiền kiến nghị" },
];
const KEY = ["inspection-follow-up"] as const;

/**
 * One recommendation's recoveries, each with its evidence files (receipts, bank slips) through
 * the attachments module: listed, downloaded, and uploaded while the recommendation is followed.
 */
function RecoveriesModal({ item, onClose }: { item: Item; onClose(): void }) {
  const detail = useQuery({
    queryKey: [...KEY, "detail", item.id],
    queryFn: ({ signal }) => call("inspectionFollowUp.get", { params: { id: item.id }, signal }),
  });
  return (
    <Modal opened onClose={onClose} size="xl" title={`Các lần thu hồi và chứng từ — ${item.inspectionCode}`}>
      <Stack gap="md" data-testid="recoveries">
        <Text size="sm">
          {item.typeLabel}: {item.content} — còn phải thu hồi {detail.data?.outstandingText ?? item.outstandingText}
        </Text>
        {detail.data?.recoveries.length === 0 ? <Text size="sm">Chưa ghi nhận lần thu hồi nào.</Text> : null}
        {detail.isError ? <Alert color="red">Không tải được các lần thu hồi.</Alert> : null}
        {detail.data?.recoveries.map((x) => (
          <Stack key={x.id} gap="xs" data-testid="recovery">
            <Text size="sm" fw={700}>
              {formatDate(x.recoveredOn)}: {x.amountText}
              {x.evidence ? ` — ${x.evidence}` : ""}
            </Text>
            <AttachmentsPanel
              owner={`inspection-recoveries/${x.id}`}
              title={`Chứng từ thu hồi ngày ${formatDate(x.recoveredOn)}`}
            />
          </Stack>
        ))}
      </Stack>
    </Modal>
  );
}

/** A recovery (date, amount, evidence) of one recommendation; refused above what is outstanding. */
function RecoveryModal({ item, onClose }: { item: Item; onClose(recorded: boolean): void }) {
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useAppForm<{ recoveredOn: string | null; amount: number | string; evidence: string }>({
    initialValues: { recoveredOn: todayIso(), amount: "", evidence: "" },
  });
  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    try {
      await call("inspectionFollowUp.recover", {
        params: { id: item.id },
        body: {
          version: item.version,
          recoveredOn: v.recoveredOn ?? "",
          amount: v.amount === "" ? 0 : Number(v.amount),
          evidence: v.evidence || null,
        },
      });
      await client.invalidateQueries({ queryKey: KEY });
      onClose(true);
    } catch (error) {
      setFailure(reportServerError(form, error));
    }
  });
  return (
    <Modal opened onClose={() => onClose(false)} title={`Ghi nhận thu hồi — ${item.inspectionCode}`}>
      <form onSubmit={submit} noValidate data-testid="recovery-form">
        <Stack gap="sm">
          <Text size="sm">
            {item.content} — còn phải thu hồi {item.outstandingText}
          </Text>
          {failure ? (
            <Alert color="red" role="alert" data-testid="recovery-error">
              {failure}
            </Alert>
          ) : null}
          <DateField label="Ngày thu hồi" required {...form.getInputProps("recoveredOn")} />
          <NumberInput
            label="Số tiền đã thu hồi (đồng)"
            thousandSeparator="."
            decimalSeparator=","
            allowDecimal={false}
            {...form.getInputProps("amount")}
          />
          <TextInput label="Chứng từ (số, ngày giấy nộp tiền)" {...form.getInputProps("evidence")} />
          <Text size="xs">Tệp chứng từ (biên lai, giấy nộp tiền) được tải lên sau khi ghi nhận.</Text>
          <Group>
            <Button type="submit">Ghi nhận</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * The year's figures as the periodic forms count them (03/TTr): recommended in the year's
 * conclusions, recovered in the year, of which from earlier years' conclusions, still outstanding.
 */
function YearSummary() {
  const [chosen, setChosen] = useState(String(year));
  const summary = useQuery({
    queryKey: [...KEY, "summary", chosen],
    queryFn: ({ signal }) =>
      call("inspectionFollowUp.summary", { query: { from: `${chosen}-01-01`, to: `${chosen}-12-31` }, signal }),
  });
  const t = summary.data?.text;
  return (
    <Paper withBorder p="md" mb="md" data-testid="follow-up-summary">
      <Group align="flex-end" justify="space-between" wrap="wrap">
        <Title order={2} fz="h4">
          Số liệu năm {chosen}
        </Title>
        <Select
          label="Năm số liệu"
          data={YEARS}
          value={chosen}
          onChange={(v) => v && setChosen(v)}
          allowDeselect={false}
          w={140}
        />
      </Group>
      {t ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mt="sm">
          <Text size="sm" data-testid="summary-recommended">
            <b>Kiến nghị thu hồi (kết luận trong năm):</b> {t.recommended}
          </Text>
          <Text size="sm" data-testid="summary-recovered">
            <b>Đã thu hồi trong năm:</b> {t.recoveredInPeriod}
          </Text>
          <Text size="sm" data-testid="summary-earlier">
            <b>Trong đó từ kết luận các năm trước:</b> {t.recoveredFromEarlierYears}
          </Text>
          <Text size="sm" data-testid="summary-outstanding">
            <b>Còn phải thu hồi cuối năm:</b> {t.outstandingAtEnd}
          </Text>
        </SimpleGrid>
      ) : (
        <Text size="sm" mt="sm">
          {summary.isError ? "Không tải được số liệu năm." : "Đang tải số liệu…"}
        </Text>
      )}
    </Paper>
  );
}

/** Every recommendation of the user's scope followed across years: filters, sort, Excel. */
export default function FollowUpPage() {
  const list = useListState({
    filters: FILTERS,
    sort: { keys: SORT_KEYS, default: "due_on", order: "asc" },
    maxPageSize: 200,
  });
  const { update, sort, order } = list;
  // Inspectors and the follow-up officer record recoveries (inspection.follow_up); the server checks the agency.
  const mayFollowUp = useSession().can("inspection.follow_up");
  const query = { ...list.query, sort, order };
  const items = useQuery({
    queryKey: [...KEY, query, list.page, list.pageSize],
    queryFn: ({ signal }) =>
      call("inspectionFollowUp.list", { query: { ...query, page: list.page, pageSize: list.pageSize }, signal }),
  });
  const [recovering, setRecovering] = useState<Item | null>(null);
  const [showing, setShowing] = useState<Item | null>(null);
  return (
    <>
      <PageHeader
        title="Theo dõi thực hiện kiến nghị sau thanh tra"
        description="Mỗi kiến nghị được theo dõi đến khi hoàn thành hoặc kết thúc theo quyết định, qua các năm"
        actions={
          <Group>
            <Button component={Link} to="/thanh-tra" variant="subtle">
              Thanh tra, kiểm tra
            </Button>
            <Button
              variant="light"
              onClick={() => void saveDownload("inspectionFollowUp.export", { query }, "theo-doi-kien-nghi.xlsx")}
            >
              Xuất Excel
            </Button>
          </Group>
        }
      />
      <YearSummary />
      <FilterPanel label="Lọc kiến nghị">
        <Stack gap="sm">
          <QuickFilters label="Lọc nhanh">
            <Chip checked={list.values.overdue} onChange={(checked) => update({ overdue: checked })} color="red">
              Quá hạn
            </Chip>
          </QuickFilters>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label="Tình trạng"
              clearable
              data={FOLLOW_UP_STATUSES.map((s) => ({ value: s, label: FOLLOW_UP_STATUS_LABELS[s] }))}
              {...list.field("status")}
            />
            <Select label="Năm kết luận" clearable data={YEARS} {...list.field("year")} />
            <NumberInput
              label="Còn phải thu hồi từ (đồng)"
              thousandSeparator="."
              decimalSeparator=","
              allowDecimal={false}
              value={list.values.minOutstanding ?? ""}
              onChange={(v) => update({ minOutstanding: v === "" ? null : String(v) })}
            />
            <Select
              label="Sắp xếp theo"
              data={SORTS}
              value={sort}
              onChange={(v) => v && update({ sort: v })}
              allowDeselect={false}
            />
            <Select
              label="Thứ tự"
              data={[
                { value: "asc", label: "Tăng dần" },
                { value: "desc", label: "Giảm dần" },
              ]}
              value={order}
              onChange={(v) => v && update({ order: v })}
              allowDeselect={false}
            />
          </Group>
        </Stack>
      </FilterPanel>
      <ListResults
        query={items}
        paging={list.paging}
        count={(data) => `${formatNumber(data.total)}${data.totalCapped ? "+" : ""} kiến nghị`}
        empty="Không có kiến nghị nào theo bộ lọc."
      >
        {(data) => (
          <Table.ScrollContainer minWidth={960}>
            <Table striped data-testid="follow-up-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Cuộc thanh tra</Table.Th>
                  <Table.Th>Kiến nghị</Table.Th>
                  <Table.Th>Đơn vị thực hiện</Table.Th>
                  <Table.Th>Kiến nghị (triệu đồng)</Table.Th>
                  <Table.Th>Đã thu hồi</Table.Th>
                  <Table.Th>Còn phải thu hồi</Table.Th>
                  <Table.Th>Hạn</Table.Th>
                  <Table.Th>Tình trạng</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/thanh-tra/${r.inspectionId}`}>
                        {r.inspectionCode}
                      </Anchor>
                      <Text size="xs">
                        {r.conclusionNumber} {formatDate(r.concludedOn)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {r.typeLabel}: {r.content}
                    </Table.Td>
                    <Table.Td>{r.responsibleUnit}</Table.Td>
                    <Table.Td>{formatMillions(r.amount)}</Table.Td>
                    <Table.Td>{formatMillions(r.recovered)}</Table.Td>
                    <Table.Td data-testid="outstanding">{r.outstandingText}</Table.Td>
                    <Table.Td>{formatDate(r.dueOn)}</Table.Td>
                    <Table.Td>
                      <Badge color={r.overdue ? "red" : r.status === "done" ? "green" : "blue"} variant="light">
                        {r.statusLabel}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {mayFollowUp && r.amount > r.recovered && !r.closedOn && !r.doneOn ? (
                          <Button size="compact-sm" variant="light" onClick={() => setRecovering(r)}>
                            Ghi nhận thu hồi
                          </Button>
                        ) : null}
                        {r.recovered > 0 ? (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            onClick={() => setShowing(r)}
                            aria-label={`Các lần thu hồi và chứng từ: ${r.content}`}
                          >
                            Chứng từ
                          </Button>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListResults>
      {recovering ? (
        <RecoveryModal
          item={recovering}
          onClose={(recorded) => {
            // Recorded: its evidence files are uploaded next, in the recommendation's recoveries.
            if (recorded) setShowing(recovering);
            setRecovering(null);
          }}
        />
      ) : null}
      {showing ? <RecoveriesModal item={showing} onClose={() => setShowing(null)} /> : null}
    </>
  );
}
