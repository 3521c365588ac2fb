import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from "@mantine/core";
import { foldVietnamese } from "@/lib/collate";

const isGroup = (
  item: ComboboxParsedItem,
): item is Extract<ComboboxParsedItem, { group: unknown }> => "group" in item;

/** A Select filter that ignores diacritics, so a clerk can type "cong van" for "Công văn". */
export const foldedFilter: OptionsFilter = ({ options, search }) => {
  const needle = foldVietnamese(search);
  if (!needle) return options;
  const matches = (item: ComboboxItem) => foldVietnamese(item.label).includes(needle);
  return options.flatMap((item): ComboboxParsedItem[] => {
    if (!isGroup(item)) return matches(item as ComboboxItem) ? [item] : [];
    const items = item.items.filter(matches);
    return items.length > 0 ? [{ ...item, items }] : [];
  });
};
