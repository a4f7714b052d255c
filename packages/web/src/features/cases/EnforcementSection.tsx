/**
 * "Tổ chức thi hành" on the case page (issue 19, 05/KQTH): what the decision orders, what was
 * done and what is left, item by item; the steps of the enforcement with their dates and evidence.
 * The assigned resolver or the enforcement officer records the plan and each step; the server
 * checks the order, the amounts and the dates and names the field it refuses.
 */
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from "@mantine/core";
import {
  ENFORCEMENT_ITEM_LIST,
  ENFORCEMENT_ITEMS,
  ENFORCEMENT_STEP_KINDS,
  ENFORCEMENT_STEP_LABELS,
  formatArea,
  formatDong,
  type EnforcementItem,
} from "@minhbach/domain";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call, type Answer } from "../../api/call.ts";
import { DateField } from "../../ui/DateField.tsx";
import { formatDate, formatNumber, todayIso } from "../../ui/format.ts";
import { reportServerError } from "../../ui/forms.ts";
import { ErrorBlock, LoadingBlock } from "../../ui/QueryState.tsx";
import { useAppForm } from "../../ui/use-app-form.ts";
import { caseKey } from "./api.ts";
import { Section } from "./components.tsx";

type View = Answer<"cases.enforcement.get">;
type Record_ = NonNullable<View["record"]>;
type ItemValues = Record<EnforcementItem, number | string>;

const enforcementKey = (caseId: string) => [...caseKey(caseId), "enforcement"] as const;

function amount(item: EnforcementItem, value: number): string {
  const unit = ENFORCEMENT_ITEMS[item].unit;
  if (unit === "dong") return formatDong(value);
  if (unit === "m2") return formatArea(value);
  return formatNumber(value);
}

const unitLabel = (item: EnforcementItem) =>
  ({ dong: "đồng", m2: "m²", count: "số lượng" })[ENFORCEMENT_ITEMS[item].unit];

const emptyItems = (from?: Record<EnforcementItem, number>): ItemValues =>
  Object.fromEntries(ENFORCEMENT_ITEM_LIST.map((k) => [k, from ? from[k] : ""])) as ItemValues;

const numbers = (v: ItemValues) =>
  Object.fromEntries(ENFORCEMENT_ITEM_LIST.map((k) => [k, v[k] === "" ? 0 : Number(v[k])])) as Record<
    EnforcementItem,
    number
  >;

export function EnforcementSection({ caseId }: { caseId: string }) {
  const view = useQuery({
    queryKey: enforcementKey(caseId),
    queryFn: ({ signal }) => call("cases.enforcement.get", { params: { id: caseId }, signal }),
  });
  const [modal, setModal] = useState<"plan" | "step" | null>(null);
  return (
    <Section title="Tổ chức thi hành" id="case-enforcement" testId="case-enforcement">
      {view.isPending ? <LoadingBlock /> : null}
      {view.isError ? <ErrorBlock error={view.error} onRetry={() => void view.refetch()} /> : null}
      {view.data ? (
        <Stack gap="sm">
          {view.data.decision ? (
            <Text size="sm">
              Quyết định {view.data.decision.number ?? "(chưa ghi số)"} ngày {formatDate(view.data.decision.on)}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              Chưa có quyết định giải quyết khiếu nại (hoặc quyết định xử lý kết luận nội dung tố cáo) để tổ chức thi
              hành.
            </Text>
          )}
          {view.data.record ? <RecordView record={view.data.record} /> : null}
          {view.data.canWrite ? (
            <Group gap="xs">
              <Button size="xs" variant="light" onClick={() => setModal("plan")}>
                {view.data.record ? "Sửa nội dung phải thi hành" : "Lập hồ sơ tổ chức thi hành"}
              </Button>
              {view.data.record && view.data.record.state !== "done" ? (
                <Button size="xs" onClick={() => setModal("step")}>
                  Ghi bước thi hành
                </Button>
              ) : null}
            </Group>
          ) : null}
        </Stack>
      ) : null}
      {modal === "plan" && view.data ? (
        <PlanModal caseId={caseId} record={view.data.record} onClose={() => setModal(null)} />
      ) : null}
      {modal === "step" && view.data?.record ? (
        <StepModal caseId={caseId} record={view.data.record} onClose={() => setModal(null)} />
      ) : null}
    </Section>
  );
}

function RecordView({ record }: { record: Record_ }) {
  const shown = ENFORCEMENT_ITEM_LIST.filter((k) => record.due[k] > 0 || record.done[k] > 0);
  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="wrap">
        <Badge color={record.state === "done" ? "green" : record.state === "in_progress" ? "blue" : "gray"}>
          {record.stateLabel}
        </Badge>
        <Text size="sm">Trách nhiệm thi hành: {record.responsible}</Text>
        {record.dueOn ? <Text size="sm">Hạn: {formatDate(record.dueOn)}</Text> : null}
      </Group>
      {record.note ? <Text size="sm">{record.note}</Text> : null}
      {shown.length ? (
        <Table.ScrollContainer minWidth={480}>
          <Table withTableBorder striped data-testid="enforcement-items">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Nội dung</Table.Th>
                <Table.Th scope="col" ta="right">
                  Phải thực hiện
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Đã thực hiện
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Còn lại
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((k) => (
                <Table.Tr key={k}>
                  <Table.Th scope="row" fw={400}>
                    {ENFORCEMENT_ITEMS[k].due}
                  </Table.Th>
                  <Table.Td ta="right">{amount(k, record.due[k])}</Table.Td>
                  <Table.Td ta="right">{amount(k, record.done[k])}</Table.Td>
                  <Table.Td ta="right">{amount(k, record.outstanding[k])}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text size="sm" c="dimmed">
          Quyết định không có nội dung về tiền, đất, xử lý kỷ luật hoặc chuyển cơ quan điều tra.
        </Text>
      )}
      {record.steps.length ? (
        <Table.ScrollContainer minWidth={480}>
          <Table withTableBorder data-testid="enforcement-steps">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Ngày</Table.Th>
                <Table.Th scope="col">Bước</Table.Th>
                <Table.Th scope="col">Kết quả</Table.Th>
                <Table.Th scope="col">Căn cứ, chứng từ</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {record.steps.map((s) => (
                <Table.Tr key={s.seq}>
                  <Table.Td>{formatDate(s.onDate)}</Table.Td>
                  <Table.Td>{s.kindLabel}</Table.Td>
                  <Table.Td>
                    {ENFORCEMENT_ITEM_LIST.filter((k) => s[k] > 0)
                      .map((k) => `${ENFORCEMENT_ITEMS[k].done}: ${amount(k, s[k])}`)
                      .join("; ") || "—"}
                  </Table.Td>
                  <Table.Td>
                    {s.evidence ?? ""}
                    {s.createdBy ? (
                      <Text size="xs" c="dimmed">
                        {s.createdBy}
                      </Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}

function ItemInputs({
  form,
  side,
}: {
  form: ReturnType<typeof useAppForm<Record<string, unknown>>>;
  side: "due" | "done";
}) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {ENFORCEMENT_ITEM_LIST.map((k) => (
        <NumberInput
          key={k}
          label={`${ENFORCEMENT_ITEMS[k][side]} (${unitLabel(k)})`}
          thousandSeparator="."
          decimalSeparator=","
          allowDecimal={ENFORCEMENT_ITEMS[k].unit === "m2"}
          decimalScale={2}
          allowNegative={false}
          {...form.getInputProps(k)}
        />
      ))}
    </SimpleGrid>
  );
}

function PlanModal({ caseId, record, onClose }: { caseId: string; record: Record_ | null; onClose(): void }) {
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useAppForm<Record<string, unknown>>({
    initialValues: {
      responsible: record?.responsible ?? "",
      dueOn: record?.dueOn ?? null,
      note: record?.note ?? "",
      ...emptyItems(record?.due),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    const body = {
      responsible: String(v.responsible ?? ""),
      dueOn: (v.dueOn as string | null) || null,
      note: String(v.note ?? "") || null,
      ...numbers(v as ItemValues),
    };
    try {
      if (record)
        await call("cases.enforcement.update", { params: { id: caseId }, body: { ...body, version: record.version } });
      else await call("cases.enforcement.create", { params: { id: caseId }, body });
      await client.invalidateQueries({ queryKey: enforcementKey(caseId) });
      onClose();
    } catch (error) {
      setFailure(reportServerError(form, error));
    }
  });
  return (
    <Modal opened onClose={onClose} title="Nội dung phải thi hành" size="lg">
      <form onSubmit={submit} noValidate data-testid="enforcement-plan-form">
        <Stack gap="sm">
          {failure ? (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          ) : null}
          <TextInput
            label="Cơ quan, tổ chức, cá nhân có trách nhiệm thi hành"
            required
            {...form.getInputProps("responsible")}
          />
          <DateField label="Hạn thi hành" {...form.getInputProps("dueOn")} />
          <ItemInputs form={form} side="due" />
          <Textarea label="Ghi chú" autosize minRows={2} {...form.getInputProps("note")} />
          <Group>
            <Button type="submit">Lưu</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function StepModal({ caseId, record, onClose }: { caseId: string; record: Record_; onClose(): void }) {
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useAppForm<Record<string, unknown>>({
    initialValues: {
      kind: record.steps.length ? "partial" : "started",
      onDate: todayIso(),
      evidence: "",
      ...emptyItems(),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    try {
      await call("cases.enforcement.step", {
        params: { id: caseId },
        body: {
          version: record.version,
          kind: v.kind as (typeof ENFORCEMENT_STEP_KINDS)[number],
          onDate: String(v.onDate ?? ""),
          evidence: String(v.evidence ?? "") || null,
          ...numbers(v as ItemValues),
        },
      });
      await client.invalidateQueries({ queryKey: enforcementKey(caseId) });
      onClose();
    } catch (error) {
      setFailure(reportServerError(form, error));
    }
  });
  return (
    <Modal opened onClose={onClose} title="Ghi bước thi hành" size="lg">
      <form onSubmit={submit} noValidate data-testid="enforcement-step-form">
        <Stack gap="sm">
          {failure ? (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          ) : null}
          <Select
            label="Bước thi hành"
            required
            allowDeselect={false}
            data={ENFORCEMENT_STEP_KINDS.map((k) => ({ value: k, label: ENFORCEMENT_STEP_LABELS[k] }))}
            {...form.getInputProps("kind")}
          />
          <DateField label="Ngày thi hành" required {...form.getInputProps("onDate")} />
          <ItemInputs form={form} side="done" />
          <Textarea
            label="Căn cứ, chứng từ (biên lai nộp ngân sách, biên bản giao đất …)"
            autosize
            minRows={2}
            {...form.getInputProps("evidence")}
          />
          <Group>
            <Button type="submit">Ghi nhận</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
