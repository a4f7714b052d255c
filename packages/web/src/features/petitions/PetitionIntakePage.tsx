import { CHANNELS, type ChannelCode } from "@minhbach/domain";
import { createPetitionBody, petitioner, respondent, type CreatePetitionBody } from "@minhbach/domain/api/petitions";
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Grid,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { schemaResolver } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useNavigate } from "react-router-dom";
import { DateField } from "../../ui/DateField.tsx";
import { ErrorSummary } from "../../ui/ErrorSummary.tsx";
import { useDraft } from "../../ui/drafts.ts";
import { emptyToNull, reportServerError } from "../../ui/forms.ts";
import { todayIso } from "../../ui/format.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { vietnameseFilter } from "../../ui/select-filter.ts";
import { COMMON } from "../../ui/text.ts";
import { PATHS } from "../shell/nav.ts";
import { findDuplicates, useCreatePetition, type DuplicateProbe } from "./api.ts";
import { DuplicateCard, petitionPath } from "./components.tsx";
import { CHANNEL_OPTIONS, fieldOptions } from "./labels.ts";
import { emptyPetitioner, PetitionerFields, petitionerBody, type PetitionerValues } from "./PartyFields.tsx";
import { PETITION_TEXT } from "./text.ts";
import { useAppForm } from "../../ui/use-app-form.ts";

interface IntakeValues {
  channel: string | null;
  receivedOn: string | null;
  writtenOn: string | null;
  forwardedBy: { agencyName: string; documentNumber: string; documentDate: string | null };
  anonymous: boolean;
  impersonated: boolean;
  petitioners: PetitionerValues[];
  respondents: { name: string; address: string }[];
  title: string;
  summary: string;
  content: string;
  fieldCode: string | null;
  language: "vi" | "other";
  notarisedTranslation: boolean;
  signed: boolean;
}

function initialValues(): IntakeValues {
  return {
    channel: null,
    receivedOn: todayIso(),
    writtenOn: null,
    forwardedBy: { agencyName: "", documentNumber: "", documentDate: null },
    anonymous: false,
    impersonated: false,
    petitioners: [emptyPetitioner()],
    respondents: [],
    title: "",
    summary: "",
    content: "",
    fieldCode: null,
    language: "vi",
    notarisedTranslation: false,
    signed: true,
  };
}

function isForwarded(channel: string | null): boolean {
  return channel !== null && (CHANNELS[channel as ChannelCode]?.forwarded ?? false);
}

function toBody(v: IntakeValues) {
  return {
    channel: v.channel ?? undefined,
    receivedOn: v.receivedOn ?? undefined,
    writtenOn: v.writtenOn,
    forwardedBy: isForwarded(v.channel)
      ? {
          agencyName: v.forwardedBy.agencyName,
          documentNumber: v.forwardedBy.documentNumber,
          documentDate: v.forwardedBy.documentDate ?? undefined,
        }
      : null,
    petitioners: v.anonymous ? [] : v.petitioners.map(petitionerBody),
    anonymous: v.anonymous,
    impersonated: v.impersonated,
    respondents: v.respondents.map((r) => ({ name: r.name, address: emptyToNull(r.address) })),
    title: emptyToNull(v.title),
    summary: emptyToNull(v.summary),
    content: v.content,
    fieldCode: v.fieldCode,
    language: v.language,
    notarisedTranslation: v.language === "other" ? v.notarisedTranslation : null,
    signed: v.signed,
  };
}

/**
 * What the duplicate check is asked: only the writers and respondents that are complete enough to
 * be valid, and the content (or, before any is typed, the names).
 */
function probeOf(v: IntakeValues): DuplicateProbe | null {
  const petitioners = v.anonymous
    ? []
    : v.petitioners.map(petitionerBody).flatMap((p) => {
        const parsed = petitioner.safeParse(p);
        return parsed.success ? [parsed.data] : [];
      });
  const respondents = v.respondents.flatMap((r) => {
    const parsed = respondent.safeParse({ name: r.name, address: emptyToNull(r.address) });
    return parsed.success ? [parsed.data] : [];
  });
  const names = [
    ...petitioners.map((p) => (p.kind === "person" ? p.fullName : p.name)),
    ...respondents.map((r) => r.name),
  ];
  const content = v.content.trim().length >= 15 ? v.content.trim() : names.join(", ");
  if (!content || (petitioners.length === 0 && respondents.length === 0 && v.content.trim().length < 15)) return null;
  return { petitioners, respondents, content: content.slice(0, 50000), fieldCode: v.fieldCode };
}

export default function PetitionIntakePage() {
  const navigate = useNavigate();
  const draft = useDraft<IntakeValues>("petition-intake");
  const create = useCreatePetition();
  const [failure, setFailure] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const form = useAppForm<IntakeValues>({
    initialValues: { ...initialValues(), ...draft.load() },
    onValuesChange: (values) => draft.save(values),
    validate: (values) => schemaResolver(createPetitionBody, { sync: true })(toBody(values)),
  });
  const values = form.values;
  const forwarded = isForwarded(values.channel);

  const submit = form.onSubmit(
    async (v) => {
      setInvalid(false);
      setFailure(null);
      try {
        const created = await create.mutateAsync(toBody(v) as CreatePetitionBody);
        draft.clear();
        notifications.show({ color: "green", message: PETITION_TEXT.created(created.code) });
        navigate(petitionPath(created.id));
      } catch (error) {
        setFailure(reportServerError(form, error));
      }
    },
    () => {
      setFailure(null);
      setInvalid(true);
    },
  );

  const cancel = () => {
    draft.clear();
    navigate(PATHS.petitions);
  };

  return (
    <>
      <PageHeader title={PETITION_TEXT.intake} description={PETITION_TEXT.intakeDescription} />
      <form onSubmit={submit} noValidate data-testid="petition-intake-form">
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="md">
              <Paper withBorder p="md" component="section" aria-labelledby="intake-source">
                <Title order={2} fz="h4" mb="sm" id="intake-source">
                  {PETITION_TEXT.sectionSource}
                </Title>
                <Stack gap="sm">
                  <Select
                    label={PETITION_TEXT.channel}
                    data={CHANNEL_OPTIONS}
                    required
                    allowDeselect={false}
                    {...form.getInputProps("channel")}
                  />
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                    <DateField label={PETITION_TEXT.receivedOn} required {...form.getInputProps("receivedOn")} />
                    <DateField label={PETITION_TEXT.writtenOn} {...form.getInputProps("writtenOn")} />
                  </SimpleGrid>
                  {forwarded ? (
                    <Fieldset legend={PETITION_TEXT.forwardedHint} variant="filled">
                      <Stack gap="sm">
                        <TextInput
                          label={PETITION_TEXT.forwardedAgency}
                          required
                          {...form.getInputProps("forwardedBy.agencyName")}
                        />
                        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                          <TextInput
                            label={PETITION_TEXT.forwardedNumber}
                            required
                            {...form.getInputProps("forwardedBy.documentNumber")}
                          />
                          <DateField
                            label={PETITION_TEXT.forwardedDate}
                            required
                            {...form.getInputProps("forwardedBy.documentDate")}
                          />
                        </SimpleGrid>
                      </Stack>
                    </Fieldset>
                  ) : null}
                  {form.errors.forwardedBy ? (
                    <Text c="red.8" size="sm" role="alert">
                      {form.errors.forwardedBy}
                    </Text>
                  ) : null}
                </Stack>
              </Paper>

              <Paper withBorder p="md" component="section" aria-labelledby="intake-writers">
                <Title order={2} fz="h4" mb="sm" id="intake-writers">
                  {PETITION_TEXT.sectionWriters}
                </Title>
                <Stack gap="sm">
                  <Checkbox
                    label={PETITION_TEXT.anonymousFlag}
                    {...form.getInputProps("anonymous", { type: "checkbox" })}
                  />
                  <Checkbox
                    label={PETITION_TEXT.impersonatedFlag}
                    {...form.getInputProps("impersonated", { type: "checkbox" })}
                  />
                  {form.errors.impersonated ? (
                    <Text c="red.8" size="sm" role="alert">
                      {form.errors.impersonated}
                    </Text>
                  ) : null}
                  {values.anonymous ? (
                    <Text size="sm" c="gray.7">
                      {PETITION_TEXT.anonymousNoWriters}
                    </Text>
                  ) : (
                    <>
                      {values.petitioners.map((p, i) => (
                        <Fieldset
                          key={i}
                          legend={PETITION_TEXT.petitionerNumber(i + 1)}
                          data-testid={`petitioner-${i}`}
                        >
                          <PetitionerFields form={form} path={`petitioners.${i}`} kind={p.kind} />
                          {values.petitioners.length > 1 ? (
                            <Group justify="flex-end" mt="sm">
                              <Button
                                variant="subtle"
                                color="red"
                                size="compact-sm"
                                leftSection={<IconTrash size={16} aria-hidden />}
                                onClick={() => form.removeListItem("petitioners", i)}
                              >
                                {PETITION_TEXT.removePetitioner(i + 1)}
                              </Button>
                            </Group>
                          ) : null}
                        </Fieldset>
                      ))}
                      <Group>
                        <Button
                          variant="light"
                          leftSection={<IconPlus size={16} aria-hidden />}
                          onClick={() => form.insertListItem("petitioners", emptyPetitioner())}
                        >
                          {PETITION_TEXT.addPetitioner}
                        </Button>
                      </Group>
                    </>
                  )}
                  {form.errors.petitioners ? (
                    <Text c="red.8" size="sm" role="alert">
                      {form.errors.petitioners}
                    </Text>
                  ) : null}
                </Stack>
              </Paper>

              <Paper withBorder p="md" component="section" aria-labelledby="intake-respondents">
                <Title order={2} fz="h4" mb="sm" id="intake-respondents">
                  {PETITION_TEXT.sectionRespondents}
                </Title>
                <Stack gap="sm">
                  {values.respondents.length === 0 ? (
                    <Text size="sm" c="gray.7">
                      {PETITION_TEXT.noRespondents}
                    </Text>
                  ) : null}
                  {values.respondents.map((_, i) => (
                    <Group key={i} align="flex-end" gap="sm" wrap="nowrap">
                      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" style={{ flex: 1 }}>
                        <TextInput
                          label={PETITION_TEXT.respondentName}
                          required
                          {...form.getInputProps(`respondents.${i}.name`)}
                        />
                        <TextInput
                          label={PETITION_TEXT.respondentAddress}
                          {...form.getInputProps(`respondents.${i}.address`)}
                        />
                      </SimpleGrid>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="lg"
                        mb={2}
                        aria-label={PETITION_TEXT.removeRespondent(i + 1)}
                        onClick={() => form.removeListItem("respondents", i)}
                      >
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    </Group>
                  ))}
                  <Group>
                    <Button
                      variant="light"
                      leftSection={<IconPlus size={16} aria-hidden />}
                      onClick={() => form.insertListItem("respondents", { name: "", address: "" })}
                    >
                      {PETITION_TEXT.addRespondent}
                    </Button>
                  </Group>
                </Stack>
              </Paper>

              <Paper withBorder p="md" component="section" aria-labelledby="intake-content">
                <Title order={2} fz="h4" mb="sm" id="intake-content">
                  {PETITION_TEXT.sectionContent}
                </Title>
                <Stack gap="sm">
                  <TextInput label={PETITION_TEXT.letterTitle} {...form.getInputProps("title")} />
                  <Textarea
                    label={PETITION_TEXT.letterContent}
                    required
                    autosize
                    minRows={5}
                    maxRows={16}
                    {...form.getInputProps("content")}
                  />
                  <Textarea
                    label={PETITION_TEXT.summary}
                    description={PETITION_TEXT.summaryHint}
                    autosize
                    minRows={2}
                    maxRows={5}
                    {...form.getInputProps("summary")}
                  />
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                    <Select
                      label={PETITION_TEXT.field}
                      placeholder={PETITION_TEXT.fieldPlaceholder}
                      data={fieldOptions()}
                      searchable
                      clearable
                      filter={vietnameseFilter}
                      nothingFoundMessage={COMMON.nothingFound}
                      {...form.getInputProps("fieldCode")}
                    />
                    <Select
                      label={PETITION_TEXT.language}
                      data={[
                        { value: "vi", label: PETITION_TEXT.languageVi },
                        { value: "other", label: PETITION_TEXT.languageOther },
                      ]}
                      allowDeselect={false}
                      {...form.getInputProps("language")}
                    />
                  </SimpleGrid>
                  {values.language === "other" ? (
                    <Checkbox
                      label={PETITION_TEXT.notarised}
                      {...form.getInputProps("notarisedTranslation", { type: "checkbox" })}
                    />
                  ) : null}
                  <Checkbox label={PETITION_TEXT.signed} {...form.getInputProps("signed", { type: "checkbox" })} />
                </Stack>
              </Paper>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <div style={{ position: "sticky", top: 72 }}>
              <DuplicatePanel values={values} />
            </div>
          </Grid.Col>
        </Grid>
        <div style={{ marginTop: 16 }}>
          <ErrorSummary errors={form.errors} shown={invalid} />
          {failure ? (
            <Alert color="red" role="alert" mt="sm">
              {failure}
            </Alert>
          ) : null}
        </div>
        <Group justify="flex-end" mt="md" gap="sm">
          <Button variant="default" onClick={cancel}>
            {COMMON.cancel}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {PETITION_TEXT.saveIntake}
          </Button>
        </Group>
      </form>
    </>
  );
}

/** "Đơn có thể trùng": checked against the whole installation while the officer types, before saving. */
function DuplicatePanel({ values }: { values: IntakeValues }) {
  const probe = useMemo(() => probeOf(values), [values]);
  const key = probe ? JSON.stringify(probe) : null;
  const [debounced] = useDebouncedValue(key, 600);
  const query = useQuery({
    queryKey: ["petitions", "duplicate-probe", debounced],
    queryFn: ({ signal }) => findDuplicates(JSON.parse(debounced!) as DuplicateProbe, signal),
    enabled: debounced !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
  const items = debounced ? (query.data?.items ?? []) : [];
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="duplicates-title"
      data-testid="duplicate-panel"
      style={items.length > 0 ? { borderColor: "var(--mantine-color-orange-6)", borderWidth: 2 } : undefined}
    >
      <Title order={2} fz="h4" mb="sm" id="duplicates-title">
        {items.length > 0 ? PETITION_TEXT.duplicatesFound : PETITION_TEXT.duplicatesTitle}
      </Title>
      <div role="status" aria-live="polite">
        {!key ? (
          <Text size="sm" c="gray.7">
            {PETITION_TEXT.duplicatesIdle}
          </Text>
        ) : query.isFetching || key !== debounced ? (
          <Text size="sm" c="gray.7">
            {PETITION_TEXT.duplicatesChecking}
          </Text>
        ) : query.isError ? (
          <Text size="sm" c="red.8">
            {query.error.message}
          </Text>
        ) : items.length === 0 ? (
          <Text size="sm">{PETITION_TEXT.duplicatesNone}</Text>
        ) : (
          <Text size="sm" fw={700}>
            {PETITION_TEXT.duplicatesCount(items.length)}
          </Text>
        )}
      </div>
      {items.length > 0 ? (
        <Stack gap="sm" mt="sm">
          {items.map((match, i) => (
            <DuplicateCard key={match.id ?? `${match.agencyId}-${i}`} match={match} />
          ))}
        </Stack>
      ) : null}
    </Paper>
  );
}
