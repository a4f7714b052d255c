import { POSITION_KIND_LABELS, POSITION_KINDS } from "@minhbach/domain";
import { Alert, Checkbox, Group, Modal, NumberInput, Select, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { call, type Answer } from "../../api/call.ts";
import { reportServerError } from "../../ui/forms.ts";
import { useAppForm } from "../../ui/use-app-form.ts";
import { useAcMutation } from "./api.ts";
import { AC_TEXT } from "./text.ts";
import { FormActions } from "../../ui/FormActions.tsx";

type Position = Answer<"anticorruption.positions.list">["items"][number];
const P = AC_TEXT.position;

/** Adds an entry to the position catalogue, or edits one (with its version). */
export function PositionModal({ position, onClose }: { position: Position | null; onClose(): void }) {
  const form = useAppForm({
    initialValues: {
      code: position?.code ?? "",
      name: position?.name ?? "",
      kind: (position?.kind ?? "position") as string | null,
      declaresAnnually: position?.declaresAnnually ?? false,
      declarationBasis: position?.declarationBasis ?? "",
      rotation: position?.rotation ?? false,
      sector: position?.sector ?? "",
      rotationMonths: (position?.rotationMonths ?? "") as number | string,
      rotationBasis: position?.rotationBasis ?? "",
      active: position?.active ?? true,
    },
  });
  const [error, setError] = useState<string | null>(null);
  const save = useAcMutation((v: typeof form.values) => {
    const body = {
      ...v,
      kind: (v.kind ?? "") as (typeof POSITION_KINDS)[number],
      rotationMonths: v.rotationMonths === "" ? null : Number(v.rotationMonths),
    };
    return position
      ? call("anticorruption.positions.update", {
          params: { id: position.id },
          body: { version: position.version, position: body },
        })
      : call("anticorruption.positions.create", { body });
  });
  return (
    <Modal opened onClose={onClose} title={position ? P.editTitle(position.name) : P.addTitle} size="lg">
      <form
        onSubmit={form.onSubmit((v) =>
          save.mutate(v, { onSuccess: onClose, onError: (e) => setError(reportServerError(form, e)) }),
        )}
      >
        <Stack gap="xs">
          <Group grow wrap="wrap">
            <TextInput label={P.code} required data-autofocus {...form.getInputProps("code")} />
            <Select
              label={P.kind}
              required
              data={POSITION_KINDS.map((k) => ({ value: k, label: POSITION_KIND_LABELS[k] }))}
              {...form.getInputProps("kind")}
            />
          </Group>
          <TextInput label={P.name} required {...form.getInputProps("name")} />
          <Checkbox label={P.declaresAnnually} {...form.getInputProps("declaresAnnually", { type: "checkbox" })} />
          <TextInput label={P.declarationBasis} required {...form.getInputProps("declarationBasis")} />
          <Checkbox label={P.rotation} {...form.getInputProps("rotation", { type: "checkbox" })} />
          {form.values.rotation ? (
            <>
              <Group grow wrap="wrap">
                <TextInput label={P.sector} required {...form.getInputProps("sector")} />
                <NumberInput
                  label={P.rotationMonths}
                  required
                  min={24}
                  max={60}
                  {...form.getInputProps("rotationMonths")}
                />
              </Group>
              <TextInput label={P.rotationBasis} {...form.getInputProps("rotationBasis")} />
            </>
          ) : null}
          <Checkbox label={P.active} {...form.getInputProps("active", { type: "checkbox" })} />
          {error ? (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          ) : null}
          <FormActions onCancel={onClose} submit={AC_TEXT.save} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
