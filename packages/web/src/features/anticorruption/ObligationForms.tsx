import {
  ASSET_OWNERS,
  ASSET_SECTION_KEYS,
  ASSET_SECTIONS,
  DECLARATION_KINDS,
  type AssetSection,
} from "@minhbach/domain";
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { call } from "../../api/call.ts";
import { ApiError } from "../../api/client.ts";
import { DateField } from "../../ui/DateField.tsx";
import { reportServerError } from "../../ui/forms.ts";
import { todayIso } from "../../ui/format.ts";
import { useAppForm } from "../../ui/use-app-form.ts";
import { DeclarationImport } from "./DeclarationImport.tsx";
import { useAcMutation, useOfficials, type Obligation } from "./api.ts";
import { AC_TEXT } from "./text.ts";
import { FormActions } from "../../ui/FormActions.tsx";

const F = AC_TEXT.forms;

function FormError({ error }: { error: string | null }) {
  return error ? (
    <Alert color="red" role="alert">
      {error}
    </Alert>
  ) : null;
}

/** Adds a person to the list (supplementary, before appointment…) with the reason. */
export function AddObligationForm({ campaignId }: { campaignId: string }) {
  const [q, setQ] = useState("");
  const officials = useOfficials(q, 1);
  const form = useAppForm({
    initialValues: {
      officialId: null as string | null,
      kind: "supplementary" as string | null,
      expectedOn: null as string | null,
      reason: "",
    },
  });
  const [error, setError] = useState<string | null>(null);
  const add = useAcMutation((v: typeof form.values) =>
    call("anticorruption.campaigns.adjust", {
      params: { id: campaignId },
      body: {
        action: "add",
        officialId: v.officialId ?? "",
        kind: (v.kind ?? "") as (typeof DECLARATION_KINDS)[number],
        expectedOn: v.expectedOn,
        reason: v.reason,
      },
    }),
  );
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={form.onSubmit((v) =>
          add.mutate(v, {
            onSuccess: () => {
              setError(null);
              form.reset();
            },
            onError: (e) => setError(reportServerError(form, e)),
          }),
        )}
      >
        <Title order={2} fz="h4" mb="sm">
          {F.addTitle}
        </Title>
        <Group align="flex-start" wrap="wrap" grow>
          <Select
            label={F.official}
            searchable
            required
            onSearchChange={setQ}
            data={(officials.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.fullName} (${o.code})` }))}
            {...form.getInputProps("officialId")}
          />
          <Select
            label={AC_TEXT.kind}
            required
            data={DECLARATION_KINDS.map((k) => ({ value: k, label: AC_TEXT.kinds[k] }))}
            {...form.getInputProps("kind")}
          />
          <DateField label={F.expectedOn} {...form.getInputProps("expectedOn")} />
        </Group>
        <Textarea mt="xs" label={AC_TEXT.reason} required autosize minRows={1} {...form.getInputProps("reason")} />
        <Stack mt="xs" gap="xs">
          <FormError error={error} />
          <Group>
            <Button type="submit" loading={add.isPending}>
              {F.add}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Takes a person off the list, with the reason. */
export function RemoveObligationModal({
  campaignId,
  obligation,
  onClose,
}: {
  campaignId: string;
  obligation: Obligation;
  onClose(): void;
}) {
  const form = useAppForm({ initialValues: { reason: "" } });
  const [error, setError] = useState<string | null>(null);
  const remove = useAcMutation((reason: string) =>
    call("anticorruption.campaigns.adjust", {
      params: { id: campaignId },
      body: { action: "remove", obligationId: obligation.id, reason },
    }),
  );
  return (
    <Modal opened onClose={onClose} title={F.removeTitle(obligation.fullName)}>
      <form
        onSubmit={form.onSubmit((v) =>
          remove.mutate(v.reason, { onSuccess: onClose, onError: (e) => setError(reportServerError(form, e)) }),
        )}
      >
        <Stack gap="xs">
          <Textarea
            label={AC_TEXT.reason}
            required
            autosize
            minRows={2}
            data-autofocus
            {...form.getInputProps("reason")}
          />
          <FormError error={error} />
          <Group justify="flex-end">
            <Button variant="subtle" onClick={onClose}>
              {AC_TEXT.cancel}
            </Button>
            <Button type="submit" color="red" loading={remove.isPending}>
              {F.remove}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Records where and when the declaration was made public at the workplace. */
export function PublicationModal({ obligation, onClose }: { obligation: Obligation; onClose(): void }) {
  const form = useAppForm({
    initialValues: {
      place: obligation.publication?.place ?? "",
      from: (obligation.publication?.from ?? todayIso()) as string | null,
      to: (obligation.publication?.to ?? null) as string | null,
    },
  });
  const [error, setError] = useState<string | null>(null);
  const save = useAcMutation((v: typeof form.values) =>
    call("anticorruption.obligations.publication", {
      params: { id: obligation.id },
      body: { version: obligation.version, place: v.place, from: v.from ?? "", to: v.to ?? "" },
    }),
  );
  return (
    <Modal opened onClose={onClose} title={F.publicationTitle(obligation.fullName)}>
      <form
        onSubmit={form.onSubmit((v) =>
          save.mutate(v, { onSuccess: onClose, onError: (e) => setError(reportServerError(form, e)) }),
        )}
      >
        <Stack gap="xs">
          <TextInput label={F.place} required data-autofocus {...form.getInputProps("place")} />
          <Group grow>
            <DateField label={F.from} required {...form.getInputProps("from")} />
            <DateField label={F.to} required {...form.getInputProps("to")} />
          </Group>
          <FormError error={error} />
          <FormActions onCancel={onClose} submit={AC_TEXT.save} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

interface AssetRow {
  section: AssetSection | null;
  owner: string | null;
  description: string;
  value: number | string;
}

/**
 * The content of a declaration as the paper form gives it: the family, each asset with its owner
 * and value in đồng, the income between two declarations, the explanation of an increase. Saved
 * sealed; the list shows only that it was received.
 */
export function DeclarationModal({ obligation, onClose }: { obligation: Obligation; onClose(): void }) {
  const form = useAppForm({
    initialValues: {
      declaredOn: todayIso() as string | null,
      receivedOn: todayIso() as string | null,
      declarantName: obligation.fullName,
      spouseName: "",
      assets: [{ section: "land", owner: "declarant", description: "", value: "" }] as AssetRow[],
      income: "" as number | string,
      explanation: "",
    },
  });
  const [error, setError] = useState<string | null>(null);
  const submit = useAcMutation((v: typeof form.values) => {
    const sections = Object.fromEntries(ASSET_SECTION_KEYS.map((k) => [k, [] as unknown[]]));
    for (const a of v.assets) {
      if (!a.section) continue;
      sections[a.section]!.push({
        owner: a.owner ?? "",
        description: a.description,
        value: a.value === "" ? undefined : Number(a.value),
      });
    }
    return call("anticorruption.declarations.submit", {
      params: { id: obligation.id },
      body: {
        version: obligation.version,
        declaredOn: v.declaredOn ?? "",
        receivedOn: v.receivedOn ?? "",
        content: {
          declarant: { fullName: v.declarantName },
          spouse: v.spouseName ? { fullName: v.spouseName } : null,
          ...sections,
          income: v.income === "" ? (undefined as unknown as number) : Number(v.income),
          explanation: v.explanation,
        },
      },
    });
  });
  return (
    <Modal opened onClose={onClose} title={F.declarationTitle(obligation.fullName)} size="xl">
      <form
        onSubmit={form.onSubmit((v) =>
          submit.mutate(v, {
            onSuccess: onClose,
            onError: (e) => {
              // "content.land.0.value" names the n-th asset of a section: the row on screen.
              const m = e instanceof ApiError ? /^content\.(\w+)\.(\d+)\.(\w+)$/.exec(e.field ?? "") : null;
              if (m) {
                const rows = v.assets.map((a, i) => ({ a, i })).filter(({ a }) => a.section === m[1]);
                const row = rows[Number(m[2])];
                if (row)
                  form.setFieldError(`assets.${row.i}.${m[3]}`, (e as ApiError).message.replace(/^[\w.]+: /, ""));
              }
              setError(reportServerError(form, e));
            },
          }),
        )}
      >
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {F.sealedHint}
          </Text>
          <Group grow wrap="wrap">
            <DateField label={AC_TEXT.declaredOn} required {...form.getInputProps("declaredOn")} />
            <DateField label={AC_TEXT.receivedOn} required {...form.getInputProps("receivedOn")} />
          </Group>
          <DeclarationImport obligation={obligation} receivedOn={form.values.receivedOn} onSaved={onClose} />
          <Group grow wrap="wrap">
            <TextInput label={F.declarant} required {...form.getInputProps("declarantName")} />
            <TextInput label={F.spouse} {...form.getInputProps("spouseName")} />
          </Group>
          {form.values.assets.map((_, i) => (
            <Group key={i} align="flex-end" wrap="wrap" gap="xs">
              <Select
                label={F.section(i + 1)}
                w={220}
                data={ASSET_SECTION_KEYS.map((k) => ({ value: k, label: ASSET_SECTIONS[k] }))}
                {...form.getInputProps(`assets.${i}.section`)}
              />
              <Select
                label={F.owner(i + 1)}
                w={170}
                data={ASSET_OWNERS.map((o) => ({ value: o, label: AC_TEXT.owner[o] }))}
                {...form.getInputProps(`assets.${i}.owner`)}
              />
              <TextInput
                label={F.assetDescription(i + 1)}
                style={{ flex: "1 1 200px" }}
                {...form.getInputProps(`assets.${i}.description`)}
              />
              <NumberInput
                label={F.assetValue(i + 1)}
                w={190}
                thousandSeparator="."
                decimalSeparator=","
                min={0}
                {...form.getInputProps(`assets.${i}.value`)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={F.removeAsset(i + 1)}
                onClick={() => form.removeListItem("assets", i)}
                mb={4}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="light"
              size="xs"
              onClick={() =>
                form.insertListItem("assets", { section: null, owner: "declarant", description: "", value: "" })
              }
            >
              {F.addAsset}
            </Button>
          </Group>
          <NumberInput
            label={AC_TEXT.income}
            required
            thousandSeparator="."
            decimalSeparator=","
            min={0}
            w={260}
            {...form.getInputProps("income")}
          />
          <Textarea label={F.explanation} autosize minRows={1} {...form.getInputProps("explanation")} />
          <FormError error={error} />
          <FormActions onCancel={onClose} submit={AC_TEXT.save} loading={submit.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
