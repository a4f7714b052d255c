import { AGENCY_KINDS, type Agency } from "@minhbach/domain/api/agencies";
import { ActionIcon, Badge, Group, Text, UnstyledButton } from "@mantine/core";
import { IconChevronRight } from "@tabler/icons-react";
import { formatDate } from "../../ui/format.ts";
import classes from "./AgencyTree.module.css";
import { AGENCY_TEXT } from "./text.ts";
import type { AgencyNode } from "./tree.ts";

export function validityText(agency: Agency): string {
  const from = formatDate(agency.validFrom);
  return agency.validTo ? AGENCY_TEXT.validityRange(from, formatDate(agency.validTo)) : AGENCY_TEXT.validityOpen(from);
}

interface TreeProps {
  roots: AgencyNode[];
  expanded: ReadonlySet<string>;
  visible: ReadonlySet<string> | null;
  selectedId: string | null;
  namesById: ReadonlyMap<string, string>;
  today: string;
  onToggle(id: string): void;
  onSelect(id: string): void;
}

export function AgencyTree(props: TreeProps) {
  return (
    <ul className={classes.tree} aria-label={AGENCY_TEXT.treeLabel} data-testid="agency-tree">
      {props.roots.map((node) => (
        <TreeItem key={node.agency.id} node={node} {...props} />
      ))}
    </ul>
  );
}

function TreeItem({ node, ...props }: TreeProps & { node: AgencyNode }) {
  const { agency } = node;
  if (props.visible && !props.visible.has(agency.id)) return null;
  const children = props.visible ? node.children.filter((c) => props.visible?.has(c.agency.id)) : node.children;
  const hasChildren = children.length > 0;
  const open = hasChildren && props.expanded.has(agency.id);
  const selected = props.selectedId === agency.id;
  // validTo is the last day in force.
  const ended = agency.validTo !== null && agency.validTo < props.today;
  const predecessorNames = agency.predecessorIds.flatMap(
    (id) => agency.predecessors.find((p) => p.id === id)?.name ?? props.namesById.get(id) ?? [],
  );
  const hiddenPredecessors = agency.predecessorIds.length - predecessorNames.length;
  const groupId = `agency-children-${agency.id}`;

  return (
    <li>
      <div className={classes.row} data-selected={selected || undefined}>
        {hasChildren ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="md"
            onClick={() => props.onToggle(agency.id)}
            aria-expanded={open}
            aria-controls={groupId}
            aria-label={open ? AGENCY_TEXT.collapse(agency.name) : AGENCY_TEXT.expand(agency.name)}
            className={classes.toggle}
          >
            <IconChevronRight size={18} className={classes.chevron} data-open={open || undefined} aria-hidden />
          </ActionIcon>
        ) : (
          <span className={classes.spacer} aria-hidden />
        )}
        <UnstyledButton
          className={classes.select}
          onClick={() => props.onSelect(agency.id)}
          aria-pressed={selected}
          data-agency-id={agency.id}
        >
          <Text fw={600} size="sm" className={classes.name}>
            {agency.name}
            {agency.shortName ? (
              <Text span c="gray.7" fw={400} size="sm">
                {" "}
                ({agency.shortName})
              </Text>
            ) : null}
          </Text>
          <Group gap={6} mt={2} wrap="wrap">
            <Badge size="sm" variant="light" color={agency.kind === "district_committee" ? "gray" : "blue"} radius="sm">
              {AGENCY_KINDS[agency.kind]}
            </Badge>
            <Text size="xs" c="gray.7">
              {AGENCY_TEXT.code}: {agency.code}
            </Text>
            <Text size="xs" c="gray.7">
              {AGENCY_TEXT.validity}: {validityText(agency)}
            </Text>
            {ended ? (
              <Badge size="sm" variant="light" color="red" radius="sm">
                {AGENCY_TEXT.ended}
              </Badge>
            ) : null}
          </Group>
          {agency.predecessorIds.length > 0 ? (
            <Text size="xs" c="gray.7" mt={2}>
              {AGENCY_TEXT.predecessorsShort}: {AGENCY_TEXT.predecessorList(predecessorNames, hiddenPredecessors)}
            </Text>
          ) : null}
        </UnstyledButton>
      </div>
      {open ? (
        <ul id={groupId} className={classes.group}>
          {children.map((child) => (
            <TreeItem key={child.agency.id} node={child} {...props} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
