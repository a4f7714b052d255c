import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { call, type Answer } from "../../api/call.ts";
import { DateField } from "../../ui/DateField.tsx";
import { emptyToNull, reportServerError } from "../../ui/forms.ts";
import { useAppForm } from "../../ui/use-app-form.ts";
import { useAllAgencies } from "../agencies/api.ts";
import { useAcMutation, usePositions } from "./api.ts";
import { OFFICIAL_TEXT as O, REC_TEXT } from "./records-text.ts";
import { FormActions } from "../../ui/FormActions.tsx";

type Official = Answer<"anticorruption.officials.get">;

/** Edits one official: identity, unit, rank, retirement, leaving, and the position history. */
export function OfficialModal({ official, onClose }: { official: Official; onClose(): void }) {
  const agencies = useAllAgencies();
  const positions = usePositions();
  const form = useAppForm({
    initialValues: {
      code: official.code,
      fullName: official.fullName,
      unitAgencyId: official.unitAgencyId as string | null,
      birthDate: official.birthDate as string | null,
      rank: official.rank ?? "",
      expectedRetirement: official.expectedRetirement as string | null,
      declaredBefore: official.declaredBefore,
      leftOn: official.leftOn as string | null,
      email: official.email ?? "",
      phone: official.phone ?? "",
      positions: official.positions.map((p) => ({
        positionId: p.positionId as string | null,
        from: p.from as string | null,
        to: p.to as string | null,
      })),
    },
  });
  const [error, setError] = useState<string | null>(null);
  const save = useAcMutation((v: typeof form.values) =>
    call("anticorruption.officials.update", {
      params: { id: official.id },
      body: {
        version: official.version,
        official: {
          code: v.code,
          fullName: v.fullName,
          unitAgencyId: v.unitAgencyId ?? "",
          birthDate: v.birthDate,
          rank: emptyToNull(v.rank),
          expectedRetirement: v.expectedRetirement,
          userId: official.userId,
          declaredBefore: v.declaredBefore,
          verifiedYears: official.verifiedYears,
          leftOn: v.leftOn,
          email: emptyToNull(v.email),
          phone: emptyToNull(v.phone),
          positions: v.positions.map((p) => ({ positionId: p.positionId ?? "", from: p.from ?? "", to: p.to })),
        },
      },
    }),
  );
  const positionOptions = (positions.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  return (
    <Modal opened onClose={onClose} title={O.editTitle(official.fullName)} size="xl">
      <form
        onSubmit={form.onSubmit((v) =>
          save.mutate(v, { onSuccess: onClose, onError: (e) => setError(reportServerError(form, e)) }),
        )}
      >
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={O.code} required {...form.getInputProps("code")} />
            <TextInput label={O.fullName} required data-autofocus {...form.getInputProps("fullName")} />
            <Select
              label={O.unit}
              required
              searchable
              data={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
              {...form.getInputProps("unitAgencyId")}
            />
            <TextInput label={O.rank} {...form.getInputProps("rank")} />
            <DateField label={O.birthDate} clearable {...form.getInputProps("birthDate")} />
            <DateField label={O.retirement} clearable {...form.getInputProps("expectedRetirement")} />
            <DateField label={O.leftOn} clearable {...form.getInputProps("leftOn")} />
            <TextInput
              label={O.email}
              description={O.emailHint}
              type="email"
              autoComplete="off"
              {...form.getInputProps("email")}
            />
            <TextInput label={O.phone} type="tel" autoComplete="off" {...form.getInputProps("phone")} />
            <Checkbox
              mt="lg"
              label={O.declaredBefore}
              {...form.getInputProps("declaredBefore", { type: "checkbox" })}
            />
          </SimpleGrid>
          <Title order={3} fz="h5" mt="sm">
            {O.positions}
          </Title>
          {form.values.positions.map((_, i) => (
            <Paper withBorder p="xs" key={i}>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select
                  label={O.position}
                  required
                  searchable
                  data={positionOptions}
                  {...form.getInputProps(`positions.${i}.positionId`)}
                />
                <DateField label={O.from} required {...form.getInputProps(`positions.${i}.from`)} />
                <DateField label={O.to} clearable {...form.getInputProps(`positions.${i}.to`)} />
              </SimpleGrid>
              <Group justify="flex-end">
                <Button size="xs" variant="subtle" color="red" onClick={() => form.removeListItem("positions", i)}>
                  {O.removePosition(i + 1)}
                </Button>
              </Group>
            </Paper>
          ))}
          <Group>
            <Button
              size="xs"
              variant="default"
              onClick={() => form.insertListItem("positions", { positionId: null, from: null, to: null })}
            >
              {O.addPosition}
            </Button>
          </Group>
          {error ? (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          ) : null}
          <FormActions onCancel={onClose} submit={REC_TEXT.save} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
