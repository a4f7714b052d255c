import { normalizeForMatch } from "@minhbach/domain";
import type { ComboboxParsedItem, OptionsFilter } from "@mantine/core";

/** Select/MultiSelect search that ignores accents and case: "so cong thuong" finds "Sở Công Thương". */
export const vietnameseFilter: OptionsFilter = ({ options, search, limit }) => {
  const needle = normalizeForMatch(search);
  const result: ComboboxParsedItem[] = [];
  for (const item of options) {
    if (result.length >= limit) break;
    if ("group" in item) {
      const items = item.items.filter((option) => normalizeForMatch(option.label).includes(needle));
      if (items.length > 0) result.push({ group: item.group, items });
    } else if (normalizeForMatch(item.label).includes(needle)) {
      result.push(item);
    }
  }
  return result;
};
