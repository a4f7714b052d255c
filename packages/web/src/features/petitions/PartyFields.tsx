import { PETITIONER_KINDS } from "@minhbach/domain";
import { Group, NumberInput, Radio, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import type { GetInputPropsOptions, GetInputPropsReturnType } from "@mantine/form";
import type { ReactNode } from "react";
import { emptyToNull } from "../../ui/forms.ts";
import { IDENTITY_OPTIONS } from "./labels.ts";
import { PETITION_TEXT } from "./text.ts";

/** The part of a Mantine form the field groups need (any form, any path). */
export interface FormInputs {
  getInputProps(path: string, options?: GetInputPropsOptions): GetInputPropsReturnType;
  errors: Record<string, ReactNode>;
}

export interface IdentityValues {
  kind: string;
  number: string;
  birthYear: string | number;
  gender: string | null;
}

export const EMPTY_IDENTITY: IdentityValues = { kind: "cccd", number: "", birthYear: "", gender: null };

/** An identity paper as the API takes it; none when no number was typed. */
export function identityBody(v: IdentityValues | undefined) {
  const number = v?.number.trim() ?? "";
  if (!v || !number) return null;
  const year = typeof v.birthYear === "number" ? v.birthYear : v.birthYear.trim() === "" ? null : Number(v.birthYear);
  return {
    kind: v.kind as "cccd",
    number,
    birthYear: year,
    gender: (v.gender || null) as "male" | "female" | null,
  };
}

export const GENDER_OPTIONS = [
  { value: "male", label: PETITION_TEXT.male },
  { value: "female", label: PETITION_TEXT.female },
];

/** Kind, number, year of birth and gender of an identity paper (the year and gender check a 12-digit number). */
export function IdentityFields({ form, path }: { form: FormInputs; path: string }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
      <Select
        label={PETITION_TEXT.identityKind}
        data={IDENTITY_OPTIONS}
        allowDeselect={false}
        comboboxProps={{ width: 380, position: "bottom-start" }}
        {...form.getInputProps(`${path}.kind`)}
      />
      <TextInput
        label={PETITION_TEXT.identityNumber}
        autoComplete="off"
        inputMode="text"
        {...form.getInputProps(`${path}.number`)}
        // "Show an identity paper" is reported on the paper as a whole; it belongs beside its number.
        error={form.errors[`${path}.number`] ?? form.errors[path]}
      />
      <NumberInput
        label={PETITION_TEXT.birthYear}
        min={1900}
        max={2099}
        allowDecimal={false}
        allowNegative={false}
        thousandSeparator=""
        hideControls
        {...form.getInputProps(`${path}.birthYear`)}
      />
      <Select label={PETITION_TEXT.gender} data={GENDER_OPTIONS} clearable {...form.getInputProps(`${path}.gender`)} />
    </SimpleGrid>
  );
}

export interface PetitionerValues {
  kind: "person" | "organisation";
  fullName: string;
  address: string;
  identity: IdentityValues;
  phone: string;
  email: string;
  name: string;
  taxCode: string;
  representativeName: string;
  representativeIdentity: IdentityValues;
}

export function emptyPetitioner(): PetitionerValues {
  return {
    kind: "person",
    fullName: "",
    address: "",
    identity: { ...EMPTY_IDENTITY },
    phone: "",
    email: "",
    name: "",
    taxCode: "",
    representativeName: "",
    representativeIdentity: { ...EMPTY_IDENTITY },
  };
}

export function petitionerBody(p: PetitionerValues) {
  if (p.kind === "organisation") {
    return {
      kind: "organisation" as const,
      name: p.name,
      address: p.address,
      taxCode: emptyToNull(p.taxCode),
      representativeName: p.representativeName,
      representativeIdentity: identityBody(p.representativeIdentity),
      phone: emptyToNull(p.phone),
      email: emptyToNull(p.email),
    };
  }
  return {
    kind: "person" as const,
    fullName: p.fullName,
    address: p.address.trim(),
    identity: identityBody(p.identity),
    phone: emptyToNull(p.phone),
    email: emptyToNull(p.email),
  };
}

/** One writer of a letter: a person, or an organisation with the person who signs for it. */
export function PetitionerFields({ form, path, kind }: { form: FormInputs; path: string; kind: string }) {
  return (
    <Stack gap="sm">
      <Radio.Group label={PETITION_TEXT.petitionerKind} {...form.getInputProps(`${path}.kind`)}>
        <Group gap="lg" mt={4}>
          {Object.entries(PETITIONER_KINDS).map(([value, label]) => (
            <Radio key={value} value={value} label={label} />
          ))}
        </Group>
      </Radio.Group>
      {kind === "organisation" ? (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={PETITION_TEXT.orgName} required {...form.getInputProps(`${path}.name`)} />
            <TextInput label={PETITION_TEXT.taxCode} inputMode="numeric" {...form.getInputProps(`${path}.taxCode`)} />
          </SimpleGrid>
          <TextInput label={PETITION_TEXT.orgAddress} required {...form.getInputProps(`${path}.address`)} />
          <TextInput
            label={PETITION_TEXT.representativeName}
            required
            {...form.getInputProps(`${path}.representativeName`)}
          />
          <IdentityFields form={form} path={`${path}.representativeIdentity`} />
        </>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={PETITION_TEXT.fullName} required {...form.getInputProps(`${path}.fullName`)} />
            <TextInput label={PETITION_TEXT.address} {...form.getInputProps(`${path}.address`)} />
          </SimpleGrid>
          <IdentityFields form={form} path={`${path}.identity`} />
        </>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={PETITION_TEXT.phone} type="tel" inputMode="tel" {...form.getInputProps(`${path}.phone`)} />
        <TextInput label={PETITION_TEXT.email} type="email" {...form.getInputProps(`${path}.email`)} />
      </SimpleGrid>
    </Stack>
  );
}
