/**
 * One person who came, in the visit form: name, address, identity paper, contacts given at the desk,
 * capacity and, for a group, whether they represent it. The contacts are sealed with the person and,
 * when the content is a denunciation, shown only to the receiving officer and those assigned to the
 * case (Điều 9 khoản 1 Luật Tố cáo 2018).
 */
import { VISITOR_CAPACITIES, type VisitorCapacity } from "@minhbach/domain";
import { Button, Checkbox, Fieldset, Group, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { IdentityFields, type FormInputs } from "../petitions/PartyFields.tsx";
import { RECEPTION_TEXT } from "./text.ts";

export function VisitorFieldset({
  form,
  index: i,
  capacity: capacityCode,
  group,
  onRemove,
}: {
  form: FormInputs;
  index: number;
  capacity: string;
  /** Five people or more: each may be marked as a representative. */
  group: boolean;
  onRemove: (() => void) | null;
}) {
  const capacity = VISITOR_CAPACITIES[capacityCode as VisitorCapacity];
  return (
    <Fieldset legend={RECEPTION_TEXT.visitorNumber(i + 1)} data-testid={`visitor-${i}`}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={RECEPTION_TEXT.fullName} required {...form.getInputProps(`visitors.${i}.fullName`)} />
          <TextInput label={RECEPTION_TEXT.address} required {...form.getInputProps(`visitors.${i}.address`)} />
        </SimpleGrid>
        <IdentityFields form={form} path={`visitors.${i}.identity`} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={RECEPTION_TEXT.phone}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            {...form.getInputProps(`visitors.${i}.phone`)}
          />
          <TextInput
            label={RECEPTION_TEXT.email}
            type="email"
            autoComplete="off"
            {...form.getInputProps(`visitors.${i}.email`)}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={RECEPTION_TEXT.capacity}
            data={Object.entries(VISITOR_CAPACITIES).map(([value, c]) => ({ value, label: c.label }))}
            allowDeselect={false}
            {...form.getInputProps(`visitors.${i}.capacity`)}
          />
          {capacity?.paper ? (
            <TextInput
              label={RECEPTION_TEXT.authorisationPaper(capacity.paper)}
              required
              {...form.getInputProps(`visitors.${i}.authorisationPaper`)}
            />
          ) : null}
        </SimpleGrid>
        <Group justify="space-between" wrap="wrap">
          {group ? (
            <Checkbox
              label={RECEPTION_TEXT.representative}
              {...form.getInputProps(`visitors.${i}.representative`, { type: "checkbox" })}
            />
          ) : (
            <span />
          )}
          {onRemove ? (
            <Button
              variant="subtle"
              color="red"
              size="compact-sm"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={onRemove}
            >
              {RECEPTION_TEXT.removeVisitor(i + 1)}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Fieldset>
  );
}
