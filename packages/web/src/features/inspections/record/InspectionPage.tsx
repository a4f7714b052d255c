import {
  EXTENSION_GROUND_LABELS,
  EXTENSION_GROUNDS,
  RECOMMENDATION_TYPE_LABELS,
  RECOMMENDATION_TYPES,
  VIOLATION_KIND_LABELS,
  VIOLATION_KINDS,
} from "@minhbach/domain";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Link, useParams } from "react-router-dom";
import { call } from "../../../api/call.ts";
import { DateField } from "../../../ui/DateField.tsx";
import { TimeField } from "../../../ui/TimeField.tsx";
import { formatDate, todayIso } from "../../../ui/format.ts";
import { reportServerError } from "../../../ui/forms.ts";
import { PageHeader } from "../../../ui/PageHeader.tsx";
import { QueryStatus } from "../../../ui/QueryState.tsx";
import { useAppForm } from "../../../ui/use-app-form.ts";
import { AttachmentsPanel } from "../../attachments/AttachmentsPanel.tsx";
import { DocumentsPanel } from "../../petitions/DocumentsPanel.tsx";
import { useInspection, useInspectionWrite, type InspectionDetail } from "./api.ts";
import { INSPECTION_TEXT as T } from "./text.ts";

type Values = Record<string, string | number | null>;

/** One form of the page: fields given by the caller, server errors put beside their field. */
function WriteForm({
  id,
  title,
  initial,
  fields,
  send,
  testId,
}: {
  id: string;
  title: string;
  initial: Values;
  fields: (form: ReturnType<typeof useAppForm<Values>>) => ReactNode;
  send: (values: Values) => Promise<InspectionDetail>;
  testId: string;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  const write = useInspectionWrite(id, send);
  const form = useAppForm<Values>({ initialValues: initial });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await write.mutateAsync(values);
      form.reset();
    } catch (error) {
      setFailure(reportServerError(form, error));
    }
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate data-testid={testId}>
        <Stack gap="sm">
          <Title order={3} fz="h5">
            {title}
          </Title>
          {failure ? (
            <Alert color="red" role="alert" data-testid={`${testId}-error`}>
              {failure}
            </Alert>
          ) : null}
          {fields(form)}
          <Group>
            <Button type="submit" loading={write.isPending}>
              {T.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

const num = (v: string | number | null | undefined) => (v === null || v === undefined || v === "" ? 0 : Number(v));
const text = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));

/** The agency's inspectors, for the decider choosing the team. */
function useInspectors(agencyId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["users", "inspectors", agencyId],
    queryFn: ({ signal }) =>
      call("users.list", {
        query: { agencyId, role: "inspector", status: "active", sort: "fullName", page: 1, pageSize: 200 },
        signal,
      }),
    select: (data) => data.items.map((u) => ({ value: u.id, label: u.fullName })),
    enabled,
  });
}

/** The decision (the decider): number, date, team, the declarations, the clear sign of violation. */
function DecisionForm({ d }: { d: InspectionDetail }) {
  const inspectors = useInspectors(d.agencyId, true).data ?? [];
  return (
    <WriteForm
      id={d.id}
      testId="decision-form"
      title={INSPECTION_DECIDE}
      initial={{
        outside: "",
        number: "",
        date: todayIso(),
        leaderId: null,
        memberIds: "",
        violationSign: d.violationSign ?? "",
        declared: "",
      }}
      send={(v) => {
        const members = text(v.memberIds).split(",").filter(Boolean);
        const team = [text(v.leaderId), ...members].filter(Boolean);
        return call("inspections.decide", {
          params: { id: d.id },
          body: {
            version: d.version,
            // Signed in the system by default: the register numbers it when the leader signs.
            ...(v.outside === "yes" ? { issuedOutside: true, number: text(v.number), date: text(v.date) } : {}),
            leaderId: text(v.leaderId),
            memberIds: members,
            // Each person of the team declared no conflict of interest (the box below).
            declarations: v.declared === "yes" ? team.map((userId) => ({ userId, hasConflict: false })) : [],
            violationSign: text(v.violationSign) || null,
          },
        });
      }}
      fields={(form) => (
        <>
          <Text size="sm">{T.draftedForSignature}</Text>
          <OutsideBox form={form} />
          {form.values.outside === "yes" ? (
            <>
              <TextInput label={T.number} required {...form.getInputProps("number")} />
              <DateField label={T.date} required {...form.getInputProps("date")} />
            </>
          ) : null}
          <Select label="Trưởng đoàn" data={inspectors} required {...form.getInputProps("leaderId")} />
          <MultiSelect
            label="Thành viên"
            data={inspectors}
            value={text(form.values.memberIds).split(",").filter(Boolean)}
            onChange={(ids) => form.setFieldValue("memberIds", ids.join(","))}
          />
          <Textarea label="Dấu hiệu vi phạm rõ ràng" {...form.getInputProps("violationSign")} />
          <Checkbox
            label="Các thành viên Đoàn đã kê khai, không có xung đột lợi ích với đối tượng thanh tra"
            checked={form.values.declared === "yes"}
            onChange={(e) => form.setFieldValue("declared", e.currentTarget.checked ? "yes" : "")}
          />
        </>
      )}
    />
  );
}

const INSPECTION_DECIDE = "Ban hành quyết định thanh tra";

/** "Signed on paper, outside the system": only then are the number and the date typed. */
function OutsideBox({ form }: { form: ReturnType<typeof useAppForm<Values>> }) {
  return (
    <Checkbox
      label={T.issuedOutside}
      checked={form.values.outside === "yes"}
      onChange={(e) => form.setFieldValue("outside", e.currentTarget.checked ? "yes" : "")}
    />
  );
}

/** The steps whose paper a leader signs in the system (drafted by the step). */
const signedStep = (a: unknown) => a === "extend" || a === "sign" || a === "direct";

export default function InspectionPage() {
  const { id = "" } = useParams();
  const query = useInspection(id);
  const [editingDoc, setEditingDoc] = useState<string | null>(null);
  const d = query.data;
  if (!d) return <QueryStatus query={query} />;
  const subjects = d.subjects.map((s) => ({ value: s.id, label: s.name }));
  const typed = (v: Values) => !signedStep(v.action) || v.outside === "yes";
  const needsNumber = (v: Values) => signedStep(v.action) && v.outside === "yes";
  return (
    <>
      <PageHeader
        title={`${d.code}: ${d.title}`}
        description={`${d.kindLabel}${d.online ? ` (${T.online})` : ""} · ${d.agencyName} · ${d.stateLabel}`}
        actions={
          <Button component={Link} to="/thanh-tra" variant="subtle">
            {T.title}
          </Button>
        }
      />
      <Stack gap="md">
        {d.overlaps.length ? (
          <Alert color="orange" title={T.overlaps} data-testid="inspection-overlaps">
            <List size="sm">
              {d.overlaps.map((o, i) => (
                <List.Item key={i}>
                  {o.subjectName}: {o.kindLabel} ({o.agencyName}, {o.year}) — {o.basis}
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Text size="sm">
              <b>{T.subjects}:</b> {d.subjects.map((s) => s.name).join("; ")}
            </Text>
            <Text size="sm">
              <b>{T.decided}:</b> {d.decisionNumber ? `${d.decisionNumber}, ${formatDate(d.decidedOn)}` : "—"}
            </Text>
            <Text size="sm">
              <b>{T.content}:</b> {d.content}
            </Text>
            {d.violationSign ? (
              <Text size="sm">
                <b>Dấu hiệu vi phạm rõ ràng:</b> {d.violationSign}
              </Text>
            ) : null}
          </SimpleGrid>
          <Text size="sm" mt="xs" data-testid="inspection-totals">
            {T.totals(d.totals.text.violationMoney, d.totals.text.recommendedMoney, d.totals.text.recovered)}
          </Text>
        </Paper>

        <Paper withBorder p="md">
          <Title order={2} fz="h4" mb="xs">
            {T.steps}
          </Title>
          <Table.ScrollContainer minWidth={640}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{T.step}</Table.Th>
                  <Table.Th>{T.actor}</Table.Th>
                  <Table.Th>{T.doneOn}</Table.Th>
                  <Table.Th>{T.basis}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.steps.map((s) => (
                  <Table.Tr key={s.action}>
                    <Table.Td>{s.label}</Table.Td>
                    <Table.Td>{s.actorLabel}</Table.Td>
                    <Table.Td>{formatDate(s.doneOn)}</Table.Td>
                    <Table.Td>
                      <Text size="xs">{s.basis}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Title order={3} fz="h5" mt="md">
            {T.dues}
          </Title>
          {d.dues.map((due) => (
            <details key={due.step}>
              <summary>
                {due.label}: {formatDate(due.due)}
                {due.configured ? ` (${T.configured})` : ""}
                {due.overdue ? " — quá hạn" : ""}
                {due.metOn ? ` — đã thực hiện ${formatDate(due.metOn)}` : ""}
              </summary>
              <List size="xs">
                {due.explanation.map((line, i) => (
                  <List.Item key={i}>{line}</List.Item>
                ))}
              </List>
            </details>
          ))}
        </Paper>

        {d.awaiting ? (
          <Alert color="blue" title={d.awaiting.label} data-testid="inspection-awaiting">
            {T.awaiting(d.awaiting.status, d.awaiting.signerName, d.awaiting.returnedNote)}
          </Alert>
        ) : null}

        {d.me.decider && d.state === "PROPOSED" && !d.awaiting ? <DecisionForm d={d} /> : null}

        {d.allowedActions.filter((a) => a.action !== "decide").length ? (
          <WriteForm
            id={d.id}
            testId="inspection-step-form"
            title={T.takeStep}
            initial={{
              action: d.allowedActions.find((a) => a.action !== "decide")!.action,
              outside: "",
              date: todayIso(),
              number: "",
              ground: null,
              reason: "",
              reportBy: null,
              minutes: "",
              place: "",
              representative: "",
              representativePosition: "",
              startTime: "",
              endTime: "",
            }}
            send={(v) =>
              call("inspections.step", {
                params: { id: d.id },
                body: {
                  version: d.version,
                  action: v.action,
                  ...(typed(v) ? { date: v.date } : {}),
                  ...(signedStep(v.action) && v.outside === "yes" ? { issuedOutside: true } : {}),
                  ...(needsNumber(v) ? { number: v.number } : {}),
                  ...(v.action === "extend" ? { ground: v.ground } : {}),
                  ...(v.action === "suspend" ? { reason: v.reason } : {}),
                  ...(v.action === "direct" && v.outside !== "yes" && v.reportBy ? { reportBy: v.reportBy } : {}),
                  ...(v.action === "announce" && v.minutes === "yes"
                    ? {
                        minutes: {
                          place: text(v.place),
                          representative: text(v.representative),
                          representativePosition: text(v.representativePosition),
                          // The time picker gives "08:30:00" or "08:30".
                          startTime: text(v.startTime).slice(0, 5),
                          endTime: text(v.endTime).slice(0, 5),
                        },
                      }
                    : {}),
                } as never,
              })
            }
            fields={(form) => (
              <>
                <Select
                  label={T.action}
                  allowDeselect={false}
                  data={d.allowedActions
                    .filter((a) => a.action !== "decide")
                    .map((a) => ({ value: a.action, label: a.label }))}
                  {...form.getInputProps("action")}
                />
                {signedStep(form.values.action) ? (
                  <>
                    <Text size="sm">{T.draftedForSignature}</Text>
                    <OutsideBox form={form} />
                  </>
                ) : null}
                {typed(form.values) ? <DateField label={T.date} required {...form.getInputProps("date")} /> : null}
                {needsNumber(form.values) ? (
                  <TextInput label={T.number} required {...form.getInputProps("number")} />
                ) : null}
                {form.values.action === "extend" ? (
                  <Select
                    label={T.ground}
                    data={EXTENSION_GROUNDS.map((g) => ({ value: g, label: EXTENSION_GROUND_LABELS[g] }))}
                    {...form.getInputProps("ground")}
                  />
                ) : null}
                {form.values.action === "suspend" ? (
                  <Textarea label={T.reason} required {...form.getInputProps("reason")} />
                ) : null}
                {form.values.action === "direct" && form.values.outside !== "yes" ? (
                  <DateField label={T.reportBy} {...form.getInputProps("reportBy")} />
                ) : null}
                {form.values.action === "announce" ? (
                  <>
                    <Checkbox
                      label={T.minutes}
                      checked={form.values.minutes === "yes"}
                      onChange={(e) => form.setFieldValue("minutes", e.currentTarget.checked ? "yes" : "")}
                    />
                    {form.values.minutes === "yes" ? (
                      <>
                        <TextInput label={T.minutesPlace} required {...form.getInputProps("place")} />
                        <TextInput label={T.minutesRepresentative} required {...form.getInputProps("representative")} />
                        <TextInput
                          label={T.minutesPosition}
                          required
                          {...form.getInputProps("representativePosition")}
                        />
                        <Group grow>
                          <TimeField label={T.minutesStart} {...form.getInputProps("startTime")} />
                          <TimeField label={T.minutesEnd} {...form.getInputProps("endTime")} />
                        </Group>
                      </>
                    ) : null}
                  </>
                ) : null}
              </>
            )}
          />
        ) : null}

        <Paper withBorder p="md">
          <Title order={2} fz="h4" mb="xs">
            {T.team}
          </Title>
          <List size="sm">
            {d.team.map((m) => (
              <List.Item key={m.userId}>
                {m.name} — {m.roleLabel}
                {m.conflictDeclared ? " (đã kê khai xung đột lợi ích)" : ""}
              </List.Item>
            ))}
          </List>
        </Paper>

        <Paper withBorder p="md" data-testid="inspection-findings">
          <Title order={2} fz="h4" mb="xs">
            {T.findings}
          </Title>
          <Title order={3} fz="h5">
            {T.violations}
          </Title>
          <List size="sm">
            {d.violations.map((v) => (
              <List.Item key={v.id}>
                {v.subjectName} — {v.kindLabel}: {v.description} ({v.moneyText})
              </List.Item>
            ))}
          </List>
          <Title order={3} fz="h5" mt="sm">
            {T.sanctions}
          </Title>
          <List size="sm">
            {d.sanctions.map((x) => (
              <List.Item key={x.id}>
                {x.number} ({formatDate(x.issuedOn)}): {x.targetName} — {x.fineText} — {x.paid ? T.paid : T.unpaid}
              </List.Item>
            ))}
            {d.pendingSanctions.map((x) => (
              <List.Item key={x.documentId} data-testid="pending-sanction">
                <Badge variant="light" color="yellow" mr="xs">
                  {T.sanctionAwaiting}
                </Badge>
                {x.targetName} — {x.fineText} — {T.sanctionDraft}
              </List.Item>
            ))}
          </List>
          <Title order={3} fz="h5" mt="sm">
            {T.recommendations}
          </Title>
          <List size="sm">
            {d.recommendations.map((r) => (
              <List.Item key={r.id}>
                <Badge variant="light" mr="xs">
                  {r.statusLabel}
                </Badge>
                {r.typeLabel}: {r.content} — {r.responsibleUnit}
                {r.amount ? ` — còn phải thu hồi ${r.outstandingText}` : ""}
              </List.Item>
            ))}
          </List>
          {d.signedOn ? (
            <Anchor component={Link} to={`/thanh-tra/theo-doi?inspectionId=${d.id}`} size="sm">
              {T.followUp}
            </Anchor>
          ) : null}
        </Paper>

        {d.me.mayEditFindings ? (
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <WriteForm
              id={d.id}
              testId="violation-form"
              title={T.addViolation}
              initial={{
                subjectId: subjects[0]?.value ?? null,
                kind: "economic",
                description: "",
                money: 0,
                landM2: 0,
              }}
              send={(v) =>
                call("inspections.violations.add", {
                  params: { id: d.id },
                  body: {
                    version: d.version,
                    subjectId: text(v.subjectId),
                    kind: text(v.kind) as never,
                    description: text(v.description),
                    money: num(v.money),
                    landM2: num(v.landM2),
                  },
                })
              }
              fields={(form) => (
                <>
                  <Select label={T.subject} data={subjects} {...form.getInputProps("subjectId")} />
                  <Select
                    label={T.violationKind}
                    data={VIOLATION_KINDS.map((k) => ({ value: k, label: VIOLATION_KIND_LABELS[k] }))}
                    {...form.getInputProps("kind")}
                  />
                  <Textarea label={T.content} required {...form.getInputProps("description")} />
                  <NumberInput
                    label={T.money}
                    thousandSeparator="."
                    decimalSeparator=","
                    allowDecimal={false}
                    {...form.getInputProps("money")}
                  />
                  <NumberInput
                    label={T.land}
                    thousandSeparator="."
                    decimalSeparator=","
                    {...form.getInputProps("landM2")}
                  />
                </>
              )}
            />
            <WriteForm
              id={d.id}
              testId="sanction-form"
              title={T.addSanction}
              initial={{
                subjectId: subjects[0]?.value ?? null,
                outside: "",
                number: "",
                issuedOn: todayIso(),
                targetKind: "organisation",
                targetName: "",
                fine: 0,
                violation: "",
                rule: "",
                sanctionDecree: "",
                recordNumber: "",
                recordDate: todayIso(),
              }}
              send={(v) =>
                call("inspections.sanctions.add", {
                  params: { id: d.id },
                  body: {
                    version: d.version,
                    subjectId: text(v.subjectId),
                    targetKind: text(v.targetKind) as never,
                    targetName: text(v.targetName),
                    fine: num(v.fine),
                    // Drafted for signing in the system, or typed when signed on paper.
                    ...(v.outside === "yes"
                      ? { issuedOutside: true, number: text(v.number), issuedOn: text(v.issuedOn) }
                      : {
                          violation: text(v.violation),
                          rule: text(v.rule),
                          sanctionDecree: text(v.sanctionDecree),
                          recordNumber: text(v.recordNumber),
                          recordDate: text(v.recordDate),
                        }),
                  },
                })
              }
              fields={(form) => (
                <>
                  <Select label={T.subject} data={subjects} {...form.getInputProps("subjectId")} />
                  <OutsideBox form={form} />
                  {form.values.outside === "yes" ? (
                    <>
                      <TextInput label={T.sanctionNumber} required {...form.getInputProps("number")} />
                      <DateField label={T.issuedOn} required {...form.getInputProps("issuedOn")} />
                    </>
                  ) : (
                    <>
                      <Textarea label={T.sanctionViolation} required {...form.getInputProps("violation")} />
                      <TextInput label={T.sanctionRule} required {...form.getInputProps("rule")} />
                      <TextInput label={T.sanctionDecree} required {...form.getInputProps("sanctionDecree")} />
                      <TextInput label={T.sanctionRecordNumber} required {...form.getInputProps("recordNumber")} />
                      <DateField label={T.sanctionRecordDate} required {...form.getInputProps("recordDate")} />
                    </>
                  )}
                  <Select
                    label={T.targetKind}
                    data={[
                      { value: "organisation", label: "Tổ chức" },
                      { value: "individual", label: "Cá nhân" },
                    ]}
                    {...form.getInputProps("targetKind")}
                  />
                  <TextInput label={T.targetName} required {...form.getInputProps("targetName")} />
                  <NumberInput
                    label={T.fine}
                    thousandSeparator="."
                    decimalSeparator=","
                    allowDecimal={false}
                    {...form.getInputProps("fine")}
                  />
                </>
              )}
            />
            <WriteForm
              id={d.id}
              testId="recommendation-form"
              title={T.addRecommendation}
              initial={{
                type: "recover_money",
                content: "",
                amount: 0,
                landM2: 0,
                collectives: 0,
                individuals: 0,
                matters: 0,
                responsibleUnit: "",
                dueOn: null,
              }}
              send={(v) =>
                call("inspections.recommendations.add", {
                  params: { id: d.id },
                  body: {
                    version: d.version,
                    type: text(v.type) as never,
                    content: text(v.content),
                    amount: num(v.amount),
                    landM2: num(v.landM2),
                    collectives: num(v.collectives),
                    individuals: num(v.individuals),
                    matters: num(v.matters),
                    responsibleUnit: text(v.responsibleUnit),
                    dueOn: v.dueOn ? text(v.dueOn) : null,
                  },
                })
              }
              fields={(form) => (
                <>
                  <Select
                    label={T.recommendationType}
                    data={RECOMMENDATION_TYPES.map((k) => ({ value: k, label: RECOMMENDATION_TYPE_LABELS[k] }))}
                    {...form.getInputProps("type")}
                  />
                  <Textarea label={T.content} required {...form.getInputProps("content")} />
                  <NumberInput
                    label={T.amount}
                    thousandSeparator="."
                    decimalSeparator=","
                    allowDecimal={false}
                    {...form.getInputProps("amount")}
                  />
                  <NumberInput
                    label={T.land}
                    thousandSeparator="."
                    decimalSeparator=","
                    {...form.getInputProps("landM2")}
                  />
                  <Group grow>
                    <NumberInput label={T.collectives} allowDecimal={false} {...form.getInputProps("collectives")} />
                    <NumberInput label={T.individuals} allowDecimal={false} {...form.getInputProps("individuals")} />
                    <NumberInput label={T.matters} allowDecimal={false} {...form.getInputProps("matters")} />
                  </Group>
                  <TextInput label={T.responsibleUnit} required {...form.getInputProps("responsibleUnit")} />
                  <DateField label={T.dueOn} {...form.getInputProps("dueOn")} />
                </>
              )}
            />
          </SimpleGrid>
        ) : null}

        <Paper withBorder p="md">
          <Title order={2} fz="h4" mb="xs">
            {T.documents}
          </Title>
          <DocumentsPanel entityType="inspection" entityId={d.id} editing={editingDoc} onEdit={setEditingDoc} />
        </Paper>

        <AttachmentsPanel owner={`inspections/${d.id}`} />
      </Stack>
    </>
  );
}
