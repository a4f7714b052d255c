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
  Textarea,
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
import { useAgencies } from "../../agencies/api.ts";
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

/** The urging letter drafted for an urging (TTr-DD), as a .docx draft for the leader to sign. */
function downloadUrgingLetter(documentId: string, item: Item, onDate: string) {
  return saveDownload(
    "documents.file",
    { params: { id: documentId } },
    `van-ban-don-doc-${item.inspectionCode}-${onDate}.docx`,
  );
}

/**
 * One recommendation's follow-up: its recoveries, each with its evidence files (receipts, bank
 * slips) through the attachments module (listed, downloaded, uploaded while the recommendation is
 * followed), the urgings with their letters and the checks, and its closing.
 */
function RecoveriesModal({ item, onClose }: { item: Item; onClose(): void }) {
  const detail = useQuery({
    queryKey: [...KEY, "detail", item.id],
    queryFn: ({ signal }) => call("inspectionFollowUp.get", { params: { id: item.id }, signal }),
  });
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={`Các lần thu hồi và chứng từ, đôn đốc, kiểm tra — ${item.inspectionCode}`}
    >
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
        {detail.data?.actions.length ? (
          <Stack gap="xs" data-testid="follow-up-actions">
            <Title order={3} fz="h5">
              Đôn đốc, kiểm tra việc thực hiện
            </Title>
            {detail.data.actions.map((a) => (
              <Group key={a.id} gap="sm" wrap="wrap" data-testid="follow-up-action">
                <Text size="sm">
                  {formatDate(a.onDate)}: {a.kindLabel}
                  {a.note ? ` — ${a.note}` : ""}
                </Text>
                {a.documentId ? (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => void downloadUrgingLetter(a.documentId!, item, a.onDate)}
                    aria-label={`Tải văn bản đôn đốc ngày ${formatDate(a.onDate)} (.docx)`}
                  >
                    Văn bản đôn đốc (.docx)
                  </Button>
                ) : null}
              </Group>
            ))}
          </Stack>
        ) : null}
        {detail.data?.closedOn ? (
          <Text size="sm" data-testid="follow-up-closed">
            <b>Kết thúc theo dõi ngày {formatDate(detail.data.closedOn)}:</b> {detail.data.closedReason}
          </Text>
        ) : null}
      </Stack>
    </Modal>
  );
}

const ACTION_TEXT = {
  urge: {
    title: "Đôn đốc thực hiện kiến nghị",
    date: "Ngày đôn đốc",
    note: "Nội dung đôn đốc",
    hint: "Hệ thống lập dự thảo văn bản đôn đốc (.docx) để lãnh đạo ký.",
    submit: "Ghi nhận đôn đốc",
  },
  check: {
    title: "Kiểm tra việc thực hiện kiến nghị",
    date: "Ngày kiểm tra",
    note: "Kết quả kiểm tra",
    hint: null,
    submit: "Ghi nhận kiểm tra",
  },
} as const;

/**
 * An urging (the server drafts the urging letter, offered here for download) or a follow-up
 * check of one recommendation: its date and what was done.
 */
function FollowUpActionModal({ item, kind, onClose }: { item: Item; kind: "urge" | "check"; onClose(): void }) {
  const client = useQueryClient();
  const text = ACTION_TEXT[kind];
  const [failure, setFailure] = useState<string | null>(null);
  const [letter, setLetter] = useState<{ id: string; onDate: string } | null>(null);
  const form = useAppForm<{ kind: "urge" | "check"; onDate: string | null; note: string }>({
    initialValues: { kind, onDate: todayIso(), note: "" },
  });
  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    try {
      const onDate = v.onDate ?? "";
      const detail = await call("inspectionFollowUp.action", {
        params: { id: item.id },
        body: { version: item.version, kind, onDate, note: v.note.trim() || undefined },
      });
      await client.invalidateQueries({ queryKey: KEY });
      // The urging just recorded: the last of that date (the list is by date, then as recorded).
      const drafted = detail.actions.filter((a) => a.kind === "urge" && a.onDate === onDate && a.documentId).at(-1);
      if (kind === "urge" && drafted?.documentId) setLetter({ id: drafted.documentId, onDate });
      else onClose();
    } catch (error) {
      setFailure(reportServerError(form, error));
    }
  });
  return (
    <Modal opened onClose={onClose} title={`${text.title} — ${item.inspectionCode}`}>
      {letter ? (
        <Stack gap="sm" data-testid="urging-drafted">
          <Alert color="green" role="status">
            Đã ghi nhận đôn đốc và lập dự thảo văn bản đôn đốc; lãnh đạo ký tại mục Văn bản.
          </Alert>
          <Group>
            <Button onClick={() => void downloadUrgingLetter(letter.id, item, letter.onDate)}>
              Tải văn bản đôn đốc (.docx)
            </Button>
            <Button variant="subtle" onClick={onClose}>
              Đóng
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate data-testid="follow-up-action-form">
          <Stack gap="sm">
            <Text size="sm">
              {item.typeLabel}: {item.content} — {item.responsibleUnit}
            </Text>
            {failure ? (
              <Alert color="red" role="alert" data-testid="follow-up-action-error">
                {failure}
              </Alert>
            ) : null}
            <DateField label={text.date} required {...form.getInputProps("onDate")} />
            <Textarea label={text.note} autosize minRows={2} {...form.getInputProps("note")} />
            {text.hint ? <Text size="xs">{text.hint}</Text> : null}
            <Group>
              <Button type="submit">{text.submit}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** Closing a recommendation's follow-up by the decision of whoever may decide it, with its reason. */
function CloseModal({ item, onClose }: { item: Item; onClose(): void }) {
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useAppForm<{ closedOn: string | null; reason: string }>({
    initialValues: { closedOn: todayIso(), reason: "" },
  });
  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    try {
      await call("inspectionFollowUp.close", {
        params: { id: item.id },
        body: { version: item.version, closedOn: v.closedOn ?? "", reason: v.reason },
      });
      await client.invalidateQueries({ queryKey: KEY });
      onClose();
    } catch (error) {
      setFailure(reportServerError(form, error));
    }
  });
  return (
    <Modal opened onClose={onClose} title={`Kết thúc theo dõi kiến nghị — ${item.inspectionCode}`}>
      <form onSubmit={submit} noValidate data-testid="close-form">
        <Stack gap="sm">
          <Text size="sm">
            {item.typeLabel}: {item.content} — còn phải thu hồi {item.outstandingText}
          </Text>
          {failure ? (
            <Alert color="red" role="alert" data-testid="close-error">
              {failure}
            </Alert>
          ) : null}
          <DateField label="Ngày kết thúc theo dõi" required {...form.getInputProps("closedOn")} />
          <Textarea
            label="Quyết định, lý do kết thúc theo dõi"
            required
            autosize
            minRows={2}
            {...form.getInputProps("reason")}
          />
          <Group>
            <Button type="submit" color="red">
              Kết thúc theo dõi
            </Button>
          </Group>
        </Stack>
      </form>
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
function YearSummary({ agencyId, agencyName }: { agencyId: string | null; agencyName: string | null }) {
  const [chosen, setChosen] = useState(String(year));
  const summary = useQuery({
    queryKey: [...KEY, "summary", chosen, agencyId],
    queryFn: ({ signal }) =>
      call("inspectionFollowUp.summary", {
        query: { from: `${chosen}-01-01`, to: `${chosen}-12-31`, agencyId: agencyId ?? undefined },
        signal,
      }),
  });
  const t = summary.data?.text;
  return (
    <Paper withBorder p="md" mb="md" data-testid="follow-up-summary">
      <Group align="flex-end" justify="space-between" wrap="wrap">
        <Title order={2} fz="h4">
          Số liệu năm {chosen}
          {agencyName ? ` — ${agencyName}` : ""}
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
  const session = useSession();
  const mayFollowUp = session.can("inspection.follow_up");
  // The follow-up is written by the recommendation's own agency (the server checks it too).
  const mayWrite = (r: Item) => mayFollowUp && r.agencyId === session.me?.agency.id;
  // The agencies of the user's scope, to narrow the list, the year's figures and the export.
  const agencies = useAgencies();
  const agencyOptions = (agencies.data ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.code})` }));
  const agencyName = agencies.data?.find((a) => a.id === list.values.agencyId)?.name ?? null;
  const query = { ...list.query, sort, order };
  const items = useQuery({
    queryKey: [...KEY, query, list.page, list.pageSize],
    queryFn: ({ signal }) =>
      call("inspectionFollowUp.list", { query: { ...query, page: list.page, pageSize: list.pageSize }, signal }),
  });
  const [recovering, setRecovering] = useState<Item | null>(null);
  const [showing, setShowing] = useState<Item | null>(null);
  const [acting, setActing] = useState<{ item: Item; kind: "urge" | "check" } | null>(null);
  const [closing, setClosing] = useState<Item | null>(null);
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
      <YearSummary agencyId={list.values.agencyId} agencyName={agencyName} />
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
            <Select
              label="Cơ quan"
              placeholder="Mọi cơ quan trong phạm vi"
              clearable
              searchable
              nothingFoundMessage="Không có cơ quan phù hợp"
              data={agencyOptions}
              w={{ base: "100%", sm: 320 }}
              {...list.field("agencyId")}
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
                      <Stack gap={4} align="stretch" miw={130}>
                        {mayWrite(r) && r.amount > r.recovered && !r.closedOn && !r.doneOn ? (
                          <Button size="compact-sm" variant="light" onClick={() => setRecovering(r)}>
                            Ghi nhận thu hồi
                          </Button>
                        ) : null}
                        {mayWrite(r) && !r.closedOn && !r.doneOn ? (
                          <>
                            <Button
                              size="compact-sm"
                              variant="light"
                              onClick={() => setActing({ item: r, kind: "urge" })}
                              aria-label={`Đôn đốc: ${r.content}`}
                            >
                              Đôn đốc
                            </Button>
                            <Button
                              size="compact-sm"
                              variant="light"
                              onClick={() => setActing({ item: r, kind: "check" })}
                              aria-label={`Kiểm tra việc thực hiện: ${r.content}`}
                            >
                              Kiểm tra
                            </Button>
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              color="red"
                              onClick={() => setClosing(r)}
                              aria-label={`Kết thúc theo dõi: ${r.content}`}
                            >
                              Kết thúc
                            </Button>
                          </>
                        ) : null}
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() => setShowing(r)}
                          aria-label={`${r.recovered > 0 ? "Chứng từ" : "Quá trình"} (thu hồi, đôn đốc, kiểm tra): ${r.content}`}
                        >
                          {r.recovered > 0 ? "Chứng từ" : "Quá trình"}
                        </Button>
                      </Stack>
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
      {acting ? <FollowUpActionModal item={acting.item} kind={acting.kind} onClose={() => setActing(null)} /> : null}
      {closing ? <CloseModal item={closing} onClose={() => setClosing(null)} /> : null}
    </>
  );
}
