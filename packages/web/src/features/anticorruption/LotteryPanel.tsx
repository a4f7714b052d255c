import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  NumberInput,
  Paper,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useEffect, useState } from "react";
import { call } from "../../api/call.ts";
import { errorMessage } from "../../api/client.ts";
import { DateField } from "../../ui/DateField.tsx";
import { saveDownload } from "../../ui/download.ts";
import { reportServerError } from "../../ui/forms.ts";
import { formatDate, todayIso } from "../../ui/format.ts";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { useAppForm } from "../../ui/use-app-form.ts";
import { useAcMutation, usePlan, usePlans, type PlanView } from "./api.ts";
import { PAPERS } from "./records-text.ts";
import { AC_TEXT } from "./text.ts";

export function LotteryPanel({ write }: { write: boolean }) {
  const plans = usePlans();
  const [chosen, setChosen] = useState<string | null>(null);
  const list = plans.data?.items ?? [];
  useEffect(() => {
    if (!chosen && list[0]) setChosen(list[0].id);
  }, [chosen, list]);
  return (
    <Stack>
      <QueryStatus query={plans} />
      {list.length ? (
        <Select
          label={AC_TEXT.plans}
          data={list.map((p) => ({ value: p.id, label: `${p.year} (${formatDate(p.issuedOn)})` }))}
          value={chosen}
          onChange={setChosen}
          allowDeselect={false}
          w={240}
        />
      ) : (
        <Text>{AC_TEXT.noPlan}</Text>
      )}
      {write ? <PlanForm onCreated={setChosen} /> : null}
      {chosen ? <Plan id={chosen} write={write} /> : null}
    </Stack>
  );
}

function PlanForm({ onCreated }: { onCreated(id: string): void }) {
  const form = useAppForm({
    initialValues: {
      year: Number(todayIso().slice(0, 4)),
      issuedOn: todayIso() as string | null,
      namedBody: false,
      unitPercent: 20,
      personPercent: 10,
    },
  });
  const [error, setError] = useState<string | null>(null);
  const create = useAcMutation((v: typeof form.values) =>
    call("anticorruption.plans.create", {
      body: {
        ...v,
        issuedOn: v.issuedOn ?? "",
        unitPercent: Number(v.unitPercent),
        personPercent: Number(v.personPercent),
      },
    }),
  );
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={form.onSubmit((v) =>
          create.mutate(v, {
            onSuccess: (p) => {
              setError(null);
              onCreated(p.id);
            },
            onError: (e) => setError(reportServerError(form, e)),
          }),
        )}
      >
        <Title order={2} fz="h4" mb="sm">
          {AC_TEXT.createPlan}
        </Title>
        <Group align="flex-end" wrap="wrap">
          <NumberInput label={AC_TEXT.year} min={2019} max={2200} w={100} {...form.getInputProps("year")} />
          <DateField label={AC_TEXT.issuedOn} required w={170} {...form.getInputProps("issuedOn")} />
          <NumberInput label={AC_TEXT.unitPercent} min={0} max={100} w={170} {...form.getInputProps("unitPercent")} />
          <NumberInput
            label={AC_TEXT.personPercent}
            min={0}
            max={100}
            w={220}
            {...form.getInputProps("personPercent")}
          />
          <Button type="submit" loading={create.isPending}>
            {AC_TEXT.createPlan}
          </Button>
        </Group>
        <Checkbox mt="sm" label={AC_TEXT.namedBody} {...form.getInputProps("namedBody", { type: "checkbox" })} />
        {error ? (
          <Alert color="red" mt="sm" role="alert">
            {error}
          </Alert>
        ) : null}
      </form>
    </Paper>
  );
}

function Plan({ id, write }: { id: string; write: boolean }) {
  const plan = usePlan(id);
  if (!plan.data) return <QueryStatus query={plan} />;
  const p = plan.data;
  return (
    <Stack>
      <Group gap="md" wrap="wrap">
        <Text size="sm">
          {AC_TEXT.issuedOn}: <b>{formatDate(p.issuedOn)}</b>
        </Text>
        <Text size="sm">
          {AC_TEXT.selectionDue}: <b>{formatDate(p.selectionDue)}</b>
        </Text>
        <Text size="sm">
          {p.unitPercent} % / {p.personPercent} %
        </Text>
        {p.late ? <Badge color="orange">{AC_TEXT.planLate}</Badge> : null}
      </Group>
      {p.lottery ? <LotteryResult plan={p} /> : write ? <LotteryForm plan={p} /> : null}
      {p.verifications.length ? <Verifications plan={p} write={write} /> : null}
    </Stack>
  );
}

function LotteryForm({ plan }: { plan: PlanView }) {
  const form = useAppForm({
    initialValues: {
      seed: "",
      heldOn: todayIso() as string | null,
      place: "",
      witnesses: [
        { fullName: "", organisation: "" },
        { fullName: "", organisation: "" },
      ],
    },
  });
  const [error, setError] = useState<string | null>(null);
  const draw = useAcMutation((v: typeof form.values) =>
    call("anticorruption.plans.lottery", { params: { id: plan.id }, body: { ...v, heldOn: v.heldOn ?? "" } }),
  );
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={form.onSubmit((v) =>
          draw.mutate(v, { onSuccess: () => setError(null), onError: (e) => setError(reportServerError(form, e)) }),
        )}
      >
        <Title order={2} fz="h4">
          {AC_TEXT.lotteryTitle}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {AC_TEXT.lotteryHint}
        </Text>
        <Stack gap="xs">
          <TextInput label={AC_TEXT.seed} required {...form.getInputProps("seed")} />
          <Group grow wrap="wrap">
            <DateField label={AC_TEXT.heldOn} required {...form.getInputProps("heldOn")} />
            <TextInput label={AC_TEXT.place} required {...form.getInputProps("place")} />
          </Group>
          {form.values.witnesses.map((_, i) => (
            <Group key={i} grow wrap="wrap">
              <TextInput label={AC_TEXT.witness(i + 1)} required {...form.getInputProps(`witnesses.${i}.fullName`)} />
              <TextInput
                label={AC_TEXT.witnessOrg(i + 1)}
                required
                {...form.getInputProps(`witnesses.${i}.organisation`)}
              />
            </Group>
          ))}
          {error ? (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={draw.isPending}>
              {AC_TEXT.draw}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function LotteryResult({ plan }: { plan: PlanView }) {
  const lottery = plan.lottery!;
  const [error, setError] = useState<string | null>(null);
  const save = (
    which: "anticorruption.plans.minutes" | "anticorruption.plans.inputs" | "anticorruption.plans.document",
    name: string,
  ) => saveDownload(which, { params: { id: plan.id } }, name).catch((e: unknown) => setError(errorMessage(e)));
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} fz="h4">
            {AC_TEXT.lotteryTitle} — {formatDate(lottery.heldOn)}
          </Title>
          <Group gap="xs">
            <Button
              variant="light"
              onClick={() => void save("anticorruption.plans.minutes", `Bien-ban-boc-tham-${plan.year}.docx`)}
            >
              {AC_TEXT.minutes}
            </Button>
            <Button
              variant="light"
              onClick={() => void save("anticorruption.plans.inputs", `Dau-vao-boc-tham-${plan.year}.xlsx`)}
            >
              {AC_TEXT.inputs}
            </Button>
            <Button
              variant="light"
              onClick={() => void save("anticorruption.plans.document", `Ke-hoach-xac-minh-${plan.year}.docx`)}
            >
              {PAPERS.verificationPlan}
            </Button>
          </Group>
        </Group>
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        <Text size="sm">
          {AC_TEXT.seed}: <Code>{lottery.seed}</Code>
        </Text>
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {AC_TEXT.inputsSha}: <Code>{lottery.inputsSha256}</Code>
        </Text>
        <Text size="sm">
          {AC_TEXT.selectedUnits}:{" "}
          {lottery.units
            .filter((u) => u.selected)
            .map((u) => u.name)
            .join(", ")}{" "}
          ({lottery.selectedUnits}/{lottery.units.length})
        </Text>
        {lottery.exclusions.length ? (
          <>
            <Text fw={700} size="sm">
              {AC_TEXT.exclusions}
            </Text>
            <Table data-testid="ac-exclusions">
              <Table.Tbody>
                {lottery.exclusions.map((e) => (
                  <Table.Tr key={e.code}>
                    <Table.Td>{e.name}</Table.Td>
                    <Table.Td>{e.code}</Table.Td>
                    <Table.Td>{e.detail}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}

function Verifications({ plan, write }: { plan: PlanView; write: boolean }) {
  const [concluding, setConcluding] = useState<string | null>(null);
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="h4" mb="sm">
        {AC_TEXT.verifications}
      </Title>
      <Table.ScrollContainer minWidth={700}>
        <Table striped data-testid="ac-verifications">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{AC_TEXT.fullName}</Table.Th>
              <Table.Th>{AC_TEXT.unit}</Table.Th>
              <Table.Th>{AC_TEXT.conclusion}</Table.Th>
              {write ? <Table.Th>{AC_TEXT.actions}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.verifications.map((v) => (
              <Table.Tr key={v.id} data-official={v.officialCode}>
                <Table.Td>
                  {v.fullName}
                  <Text size="xs" c="dimmed">
                    {v.officialCode}
                  </Text>
                </Table.Td>
                <Table.Td>{v.unitName}</Table.Td>
                <Table.Td>
                  {v.conclusion ? (
                    <>
                      <Badge color={v.conclusion === "honest" ? "green" : "red"} variant="light">
                        {AC_TEXT.conclusions[v.conclusion]}
                      </Badge>
                      <Text size="xs">
                        {formatDate(v.concludedOn)}
                        {v.handling ? ` — ${v.handling}` : ""}
                      </Text>
                    </>
                  ) : (
                    AC_TEXT.noConclusion
                  )}
                </Table.Td>
                {write ? (
                  <Table.Td>
                    {concluding === v.id ? (
                      <ConclusionForm verification={v} onDone={() => setConcluding(null)} />
                    ) : (
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={AC_TEXT.concludeFor(v.fullName)}
                        onClick={() => setConcluding(v.id)}
                      >
                        {AC_TEXT.conclude}
                      </Button>
                    )}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function ConclusionForm({ verification, onDone }: { verification: PlanView["verifications"][number]; onDone(): void }) {
  const form = useAppForm({
    initialValues: {
      conclusion: "honest" as "honest" | "dishonest",
      concludedOn: todayIso() as string | null,
      handling: "",
    },
  });
  const [error, setError] = useState<string | null>(null);
  const conclude = useAcMutation((v: typeof form.values) =>
    call("anticorruption.verifications.conclude", {
      params: { id: verification.id },
      body: {
        version: verification.version,
        conclusion: v.conclusion,
        concludedOn: v.concludedOn ?? "",
        handling: v.handling,
      },
    }),
  );
  return (
    <form
      onSubmit={form.onSubmit((v) =>
        conclude.mutate(v, { onSuccess: onDone, onError: (e) => setError(reportServerError(form, e)) }),
      )}
    >
      <Stack gap={4}>
        <Radio.Group label={AC_TEXT.conclusion} {...form.getInputProps("conclusion")}>
          <Group gap="xs">
            <Radio value="honest" label={AC_TEXT.conclusions.honest} />
            <Radio value="dishonest" label={AC_TEXT.conclusions.dishonest} />
          </Group>
        </Radio.Group>
        <DateField label={AC_TEXT.concludedOn} required size="xs" {...form.getInputProps("concludedOn")} />
        <Textarea label={AC_TEXT.handling} size="xs" autosize minRows={1} {...form.getInputProps("handling")} />
        {error ? (
          <Text c="red" size="xs" role="alert">
            {error}
          </Text>
        ) : null}
        <Group gap={4}>
          <Button type="submit" size="xs" loading={conclude.isPending}>
            {AC_TEXT.save}
          </Button>
          <Button size="xs" variant="subtle" onClick={onDone}>
            {AC_TEXT.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
