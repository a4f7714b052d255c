import {
  AMOUNT_FIELD_LIST,
  AMOUNT_FIELDS,
  CASE_ACTIONS,
  CASE_ACTIONS_NOT_AFTER_PAPERS,
  CASE_FORMS,
  COMPLEXITY_LEVELS,
  complexityOf,
  type AmountUnit,
  type CaseAction,
  type ComplexityCriterion,
} from "@minhbach/domain";
import { caseActionBody } from "@minhbach/domain/api/cases";
import {
  Alert,
  Checkbox,
  Group,
  List,
  Modal,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { schemaResolver, type UseFormReturnType } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMemo, useState } from "react";
import { DateField } from "../../ui/DateField.tsx";
import { useDraft } from "../../ui/drafts.ts";
import { ErrorSummary } from "../../ui/ErrorSummary.tsx";
import { reportServerError } from "../../ui/forms.ts";
import { todayIso } from "../../ui/format.ts";
import { usePhone } from "../../ui/responsive.ts";
import { useVersionConflict, VersionConflictAlert } from "../../ui/VersionConflict.tsx";
import { documentStatusLabel } from "../petitions/DocumentsPanel.tsx";
import { fieldsOf, initialValues, toBody, type FieldSpec, type Values } from "./action-fields.ts";
import { useCaseAction, type CaseDetail } from "./api.ts";
import { CASE_TEXT, FIELD_TEXT } from "./text.ts";
import { FormActions } from "../../ui/FormActions.tsx";
import { useAppForm } from "../../ui/use-app-form.ts";

type Form = UseFormReturnType<Values>;

export function ActionModal({
  detail,
  action,
  onClose,
  onReload,
}: {
  detail: CaseDetail;
  action: CaseAction | null;
  onClose(): void;
  onReload(): Promise<unknown>;
}) {
  const phone = usePhone();
  return (
    <Modal
      opened={action !== null}
      onClose={onClose}
      title={action ? CASE_ACTIONS[action].label : ""}
      size="lg"
      fullScreen={phone}
    >
      {action ? (
        <ActionForm key={action} detail={detail} action={action} onClose={onClose} onReload={onReload} />
      ) : null}
    </Modal>
  );
}

function ActionForm({
  detail,
  action,
  onClose,
  onReload,
}: {
  detail: CaseDetail;
  action: CaseAction;
  onClose(): void;
  onReload(): Promise<unknown>;
}) {
  const definition = CASE_ACTIONS[action];
  const formCode = definition.forms[detail.kind];
  const pending = detail.documents.filter((d) => d.status === "draft" || d.status === "submitted");
  const papersPending = pending.length > 0 && !CASE_ACTIONS_NOT_AFTER_PAPERS.has(action);
  const specs = useMemo(
    () => fieldsOf(action, detail, papersPending),
    [action, detail.kind, detail.instance, papersPending],
  );
  const draft = useDraft<Values>(`case-action:${detail.id}:${action}`);
  const run = useCaseAction();
  const [failure, setFailure] = useState<string | null>(null);
  const conflict = useVersionConflict(async () => {
    await onReload();
    notifications.show({ color: "blue", message: CASE_TEXT.reloaded });
  });
  const [submitted, setSubmitted] = useState(false);
  const form = useAppForm<Values>({
    initialValues: { ...initialValues(action, specs, detail), ...draft.load() },
    onValuesChange: (values) => draft.save(values),
    validate: (values) => schemaResolver(caseActionBody, { sync: true })(toBody(action, specs, values, detail.version)),
  });
  const stillAllowed = detail.allowedActions.some((a) => a.action === action);

  const submit = form.onSubmit(
    async (values) => {
      setFailure(null);
      conflict.reset();
      const before = new Set(detail.documents.map((d) => d.id));
      try {
        // The version of the case as last loaded: after "reload" it is the new one.
        const result = await run.mutateAsync({ id: detail.id, body: toBody(action, specs, values, detail.version) });
        draft.clear();
        const created = result.documents.find((d) => !before.has(d.id));
        notifications.show({
          color: "green",
          message: created
            ? CASE_TEXT.actionDoneWithDraft(definition.label, created.title)
            : CASE_TEXT.actionDone(definition.label),
        });
        onClose();
      } catch (error) {
        if (!conflict.caught(error)) setFailure(reportServerError(form, error));
      }
    },
    () => setSubmitted(true),
  );

  return (
    <form onSubmit={submit} noValidate data-testid="case-action-form" data-action={action}>
      <Stack gap="sm">
        <Text size="xs" c="gray.7">
          {CASE_TEXT.basis}: {definition.basis}
        </Text>
        {formCode ? (
          <Alert color="blue" variant="light">
            {CASE_TEXT.formWillBe(CASE_FORMS[formCode])}
          </Alert>
        ) : null}
        {papersPending ? (
          <Alert color="yellow" title={CASE_TEXT.papersPendingTitle} data-testid="papers-pending">
            <Text size="sm">{CASE_TEXT.papersPending}</Text>
            <List size="sm" mt={4}>
              {pending.map((d) => (
                <List.Item key={d.id}>
                  {d.title} — {documentStatusLabel(d.status)}
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        <VersionConflictAlert conflict={conflict} text={CASE_TEXT} testId="case-conflict" />
        {!stillAllowed && !conflict.shown ? (
          <Alert color="yellow" role="status">
            {CASE_TEXT.noLongerAllowed}
          </Alert>
        ) : null}
        {failure ? (
          <Alert color="red" role="alert" data-testid="case-action-error">
            {failure}
          </Alert>
        ) : null}
        {specs.map((spec) =>
          spec.when && !spec.when(form.values) ? null : <Field key={spec.name} spec={spec} form={form} />,
        )}
        <ErrorSummary errors={form.errors} shown={submitted} />
        <FormActions draft={draft} onCancel={onClose} submit={definition.label} loading={run.isPending} />
      </Stack>
    </form>
  );
}

function unitLabel(label: string, unit: AmountUnit): string {
  if (unit === "million_vnd") return `${label} (${CASE_TEXT.million})`;
  if (unit === "m2") return `${label} (${CASE_TEXT.squareMetres})`;
  return label;
}

/** A figure that cannot be negative: money and land with decimals, counts without. */
function QuantityInput({ form, name, label, unit }: { form: Form; name: string; label: string; unit: AmountUnit }) {
  return (
    <NumberInput
      label={unitLabel(label, unit)}
      min={0}
      allowNegative={false}
      allowDecimal={unit !== "count"}
      decimalScale={unit === "count" ? 0 : 4}
      thousandSeparator="."
      decimalSeparator=","
      hideControls
      inputMode={unit === "count" ? "numeric" : "decimal"}
      {...form.getInputProps(name)}
    />
  );
}

function Field({ spec, form }: { spec: FieldSpec; form: Form }) {
  const { name, label, hint, required } = spec;
  const common = { label, description: hint, required };
  switch (spec.type) {
    case "date":
      return <DateField {...common} maxDate={spec.future ? undefined : todayIso()} {...form.getInputProps(name)} />;
    case "text":
      return <TextInput {...common} {...form.getInputProps(name)} />;
    case "textarea":
      return <Textarea {...common} autosize minRows={2} maxRows={12} {...form.getInputProps(name)} />;
    case "checkbox":
      return <Checkbox label={label} description={hint} {...form.getInputProps(name, { type: "checkbox" })} />;
    case "checklist":
    case "conditions":
      return (
        <Stack gap={6}>
          <Checkbox.Group {...common} {...form.getInputProps(name)}>
            <Stack gap="xs" mt={6}>
              {spec.options.map((o) => (
                <Checkbox key={o.value} value={o.value} label={o.label} description={o.basis} />
              ))}
            </Stack>
          </Checkbox.Group>
          {name === "criteria" ? <ComplexityLevel criteria={form.values.criteria as ComplexityCriterion[]} /> : null}
        </Stack>
      );
    case "radio":
      return (
        <Radio.Group {...common} {...form.getInputProps(name)}>
          <Stack gap="xs" mt={6}>
            {spec.options.map((o) => (
              <Radio key={o.value} value={o.value} label={o.label} description={o.basis} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case "select":
      return <Select {...common} data={spec.options} {...form.getInputProps(name)} />;
    case "tags":
      return <TagsInput {...common} {...form.getInputProps(name)} />;
    case "quantity":
      return <QuantityInput form={form} name={name} label={label} unit={spec.unit} />;
    case "amounts":
      return (
        <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Title order={3} fz="h5" component="legend">
            {CASE_TEXT.amountsTitle}
          </Title>
          <Text size="xs" c="gray.7">
            {CASE_TEXT.amountsHint}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {AMOUNT_FIELD_LIST.map((key) => (
              <QuantityInput
                key={key}
                form={form}
                name={`${name}.${key}`}
                label={AMOUNT_FIELDS[key].label}
                unit={AMOUNT_FIELDS[key].unit}
              />
            ))}
          </SimpleGrid>
        </Stack>
      );
    case "assignee": {
      const team = (form.values[name] as { kind?: string } | undefined)?.kind === "team";
      return (
        <Stack gap="sm">
          <Radio.Group label={label} required {...form.getInputProps(`${name}.kind`)}>
            <Group gap="md" mt={6}>
              <Radio value="person" label={FIELD_TEXT.assigneePerson} />
              <Radio value="team" label={FIELD_TEXT.assigneeTeam} />
            </Group>
          </Radio.Group>
          <TextInput label={FIELD_TEXT.assigneeName} required {...form.getInputProps(`${name}.name`)} />
          {team ? (
            <TagsInput
              label={FIELD_TEXT.assigneeMembers}
              description={FIELD_TEXT.assigneeMembersHint}
              {...form.getInputProps(`${name}.members`)}
            />
          ) : null}
        </Stack>
      );
    }
  }
}

/** The level the ticked criteria give (the domain's rule), and how many extensions it allows. */
function ComplexityLevel({ criteria }: { criteria: ComplexityCriterion[] }) {
  const level = COMPLEXITY_LEVELS[complexityOf(criteria ?? [])];
  return (
    <Alert color="blue" variant="light" data-testid="complexity-level">
      <Text size="sm" fw={700}>
        {FIELD_TEXT.criteriaResult(level.label, new Set(criteria ?? []).size)}
      </Text>
      <Text size="xs" c="gray.7">
        {CASE_TEXT.basis}: {level.basis}
      </Text>
    </Alert>
  );
}
