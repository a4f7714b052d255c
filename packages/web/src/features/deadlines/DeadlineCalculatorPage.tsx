import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Fieldset,
  Grid,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { schemaResolver } from "@mantine/form";
import { deadlineInputSchema } from "@minhbach/domain/deadlines/input-schema";
import { IconCalculator, IconInfoCircle, IconPlus, IconTrash } from "@tabler/icons-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { DateField } from "../../ui/DateField.tsx";
import { useDraft } from "../../ui/drafts.ts";
import { applyServerError } from "../../ui/forms.ts";
import { formatDate, todayIso, weekdayName } from "../../ui/format.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { vietnameseFilter } from "../../ui/select-filter.ts";
import { COMMON } from "../../ui/text.ts";
import { useComputeDeadline, useDeadlineRules } from "./api.ts";
import { DeadlineExplanation } from "./DeadlineExplanation.tsx";
import { DueDateBadge } from "./DueDateBadge.tsx";
import { DEADLINE_TEXT, lengthText, UNIT_LABELS, variantText } from "./text.ts";
import type { ComputeDeadlineBody, DeadlineResult, DeadlineRule } from "./types.ts";
import { useAppForm } from "../../ui/use-app-form.ts";

interface FormValues {
  rule: string | null;
  from: string | null;
  variant: string | null;
  extensions: number | string;
  suspensions: { key: string; from: string | null; to: string | null }[];
}

let keySeq = 0;
const nextKey = () => `s${++keySeq}`;

function toBody(values: FormValues, rule: DeadlineRule | undefined): ComputeDeadlineBody {
  const body: ComputeDeadlineBody = { rule: values.rule ?? "", from: values.from ?? "" };
  if (rule && Object.keys(rule.variants).length > 0 && values.variant) body.variant = values.variant;
  const extensions = Number(values.extensions) || 0;
  if (rule?.extensions && extensions > 0) body.extensions = extensions;
  const suspensions = values.suspensions.map((s) => ({ from: s.from ?? "", to: s.to ?? "" }));
  if (suspensions.length > 0) body.suspensions = suspensions;
  return body;
}

export default function DeadlineCalculatorPage() {
  const rules = useDeadlineRules();
  const compute = useComputeDeadline();
  const draft = useDraft<FormValues>("deadline-form");
  const [result, setResult] = useState<DeadlineResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const rulesRef = useRef(new Map<string, DeadlineRule>());
  rulesRef.current = new Map((rules.data ?? []).map((r) => [r.id, r]));
  const form = useAppForm<FormValues>({
    initialValues: { rule: null, from: todayIso(), variant: null, extensions: 0, suspensions: [], ...draft.load() },
    onValuesChange: (values) => draft.save(values),
    validate: (v) => {
      // Blank fields first, in words for this form; then the shared schema (overlaps, order).
      const errors: Record<string, string> = {};
      if (!v.rule) errors.rule = DEADLINE_TEXT.ruleRequired;
      if (!v.from) errors.from = DEADLINE_TEXT.fromRequired;
      v.suspensions.forEach((s, i) => {
        if (!s.from) errors[`suspensions.${i}.from`] = DEADLINE_TEXT.suspensionFromRequired;
        if (!s.to) errors[`suspensions.${i}.to`] = DEADLINE_TEXT.suspensionToRequired;
      });
      if (Object.keys(errors).length > 0) return errors;
      return schemaResolver(deadlineInputSchema, { sync: true })(toBody(v, rulesRef.current.get(v.rule ?? "")));
    },
  });

  const values = form.getValues();
  const rule = useMemo(() => rules.data?.find((r) => r.id === values.rule), [rules.data, values.rule]);
  const ruleOptions = useMemo(() => (rules.data ?? []).map((r) => ({ value: r.id, label: r.title })), [rules.data]);
  const variantEntries = rule ? Object.entries(rule.variants) : [];

  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    try {
      setResult(await compute.mutateAsync(toBody(v, rule)));
    } catch (error) {
      setResult(null);
      setFailure(applyServerError(form, error));
    }
  });

  return (
    <>
      <PageHeader title={DEADLINE_TEXT.title} description={DEADLINE_TEXT.description} />
      <QueryStatus query={rules} />
      {rules.data ? (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Paper withBorder p="md">
              <form onSubmit={submit} noValidate data-testid="deadline-form">
                <Stack>
                  {failure ? (
                    <Alert color="red" role="alert">
                      {failure}
                    </Alert>
                  ) : null}
                  <Select
                    label={DEADLINE_TEXT.rule}
                    placeholder={DEADLINE_TEXT.rulePlaceholder}
                    data={ruleOptions}
                    searchable
                    required
                    filter={vietnameseFilter}
                    nothingFoundMessage={COMMON.nothingFound}
                    maxDropdownHeight={360}
                    {...form.getInputProps("rule")}
                    onChange={(value) => {
                      form.setFieldValue("rule", value);
                      form.setFieldValue("variant", null);
                      form.setFieldValue("extensions", 0);
                      setResult(null);
                    }}
                  />
                  {rule ? <RuleSummary rule={rule} /> : null}
                  <DateField
                    label={DEADLINE_TEXT.from}
                    description={DEADLINE_TEXT.fromHint}
                    required
                    {...form.getInputProps("from")}
                  />
                  {rule && variantEntries.length > 0 ? (
                    <Select
                      label={DEADLINE_TEXT.variant}
                      data={[
                        { value: "", label: DEADLINE_TEXT.variantNormal(lengthText(rule.length, rule.unit)) },
                        ...variantEntries.map(([name, length]) => ({
                          value: name,
                          label: DEADLINE_TEXT.variantOption(variantText(name), lengthText(length, rule.unit)),
                        })),
                      ]}
                      allowDeselect={false}
                      value={values.variant ?? ""}
                      onChange={(v) => form.setFieldValue("variant", v || null)}
                    />
                  ) : null}
                  {rule?.extensions ? (
                    <NumberInput
                      label={DEADLINE_TEXT.extensions}
                      description={DEADLINE_TEXT.extensionsHint(
                        lengthText(rule.extensions.length, rule.unit),
                        rule.extensions.max,
                      )}
                      min={0}
                      max={rule.extensions.max}
                      allowDecimal={false}
                      allowNegative={false}
                      clampBehavior="strict"
                      {...form.getInputProps("extensions")}
                    />
                  ) : null}
                  <Fieldset legend={DEADLINE_TEXT.suspensions} variant="filled">
                    <Text size="sm" c="gray.7" mb="xs">
                      {DEADLINE_TEXT.suspensionsHint}
                    </Text>
                    <Stack gap="xs">
                      {values.suspensions.map((s, index) => (
                        <Group key={s.key} align="flex-end" gap="xs" wrap="nowrap">
                          <DateField
                            label={DEADLINE_TEXT.suspensionFrom(index + 1)}
                            style={{ flex: 1 }}
                            {...form.getInputProps(`suspensions.${index}.from`)}
                          />
                          <DateField
                            label={DEADLINE_TEXT.suspensionTo(index + 1)}
                            style={{ flex: 1 }}
                            {...form.getInputProps(`suspensions.${index}.to`)}
                          />
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            size="lg"
                            mb={2}
                            aria-label={DEADLINE_TEXT.removeSuspension(index + 1)}
                            onClick={() => form.removeListItem("suspensions", index)}
                          >
                            <IconTrash size={18} aria-hidden />
                          </ActionIcon>
                        </Group>
                      ))}
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        leftSection={<IconPlus size={16} aria-hidden />}
                        onClick={() => form.insertListItem("suspensions", { key: nextKey(), from: null, to: null })}
                        style={{ alignSelf: "flex-start" }}
                      >
                        {DEADLINE_TEXT.addSuspension}
                      </Button>
                    </Stack>
                  </Fieldset>
                  <Button
                    type="submit"
                    loading={compute.isPending}
                    leftSection={<IconCalculator size={18} aria-hidden />}
                    style={{ alignSelf: "flex-start" }}
                  >
                    {DEADLINE_TEXT.compute}
                  </Button>
                </Stack>
              </form>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <div aria-live="polite">
              {result ? (
                <DeadlineResultCard result={result} />
              ) : (
                <Paper withBorder p="md">
                  <Text c="gray.7">{DEADLINE_TEXT.emptyResult}</Text>
                </Paper>
              )}
            </div>
          </Grid.Col>
        </Grid>
      ) : null}
    </>
  );
}

function RuleSummary({ rule }: { rule: DeadlineRule }) {
  return (
    <Stack gap={4}>
      <Text size="sm">
        <Text span fw={600}>
          {DEADLINE_TEXT.basis}:{" "}
        </Text>
        {rule.basis}
      </Text>
      <Group gap="xs">
        {rule.unit !== "fixed_date" ? (
          <Badge variant="light" color="blue" tt="none">
            {DEADLINE_TEXT.length}: {lengthText(rule.length, rule.unit)}
          </Badge>
        ) : null}
        <Badge variant="light" color="gray" tt="none">
          {DEADLINE_TEXT.unit}: {UNIT_LABELS[rule.unit]}
        </Badge>
      </Group>
      <Text size="sm">
        <Text span fw={600}>
          {DEADLINE_TEXT.startEvent}:{" "}
        </Text>
        {rule.startEvent}
      </Text>
      {rule.probable ? (
        <Alert color="yellow" icon={<IconInfoCircle aria-hidden />} p="xs">
          <Text size="sm">{DEADLINE_TEXT.probable}</Text>
        </Alert>
      ) : null}
    </Stack>
  );
}

function DeadlineResultCard({ result }: { result: DeadlineResult }) {
  const ref = useRef<HTMLDivElement>(null);
  // On a phone the result is below the form: bring it into view.
  useEffect(() => {
    if (window.matchMedia("(max-width: 62em)").matches)
      ref.current?.scrollIntoView({ behavior: "smooth", block: "start" });
  }, [result]);
  return (
    <Paper withBorder p="md" data-testid="deadline-result" ref={ref}>
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {DEADLINE_TEXT.resultTitle}
        </Title>
        <Text size="sm" c="gray.7">
          {DEADLINE_TEXT.ruleLine(result.title, String(result.ruleVersion))}
        </Text>
        <Group gap="md" align="center" wrap="wrap">
          <div>
            <Text size="sm" c="gray.7">
              {DEADLINE_TEXT.dueLabel}
            </Text>
            <Text fz={40} fw={800} lh={1.1} c="blue.9" data-testid="deadline-due">
              {formatDate(result.due)}
            </Text>
            <Text fw={600}>{weekdayName(result.due)}</Text>
          </div>
          {result.status ? <DueDateBadge due={result.due} status={result.status} /> : null}
        </Group>
        <Text size="sm">{DEADLINE_TEXT.startedOn(formatDate(result.from))}</Text>
        {result.provisional ? (
          <Alert color="orange" p="xs" icon={<IconInfoCircle aria-hidden />}>
            <Text size="sm">{DEADLINE_TEXT.provisional}</Text>
          </Alert>
        ) : null}
        {result.probable ? (
          <Alert color="yellow" p="xs" icon={<IconInfoCircle aria-hidden />}>
            <Text size="sm">{DEADLINE_TEXT.probable}</Text>
          </Alert>
        ) : null}
        <DeadlineExplanation result={result} defaultOpened />
      </Stack>
    </Paper>
  );
}
