import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from "@mantine/core";

/** "Quyết định" and "quyet dinh" read alike: no case, no diacritics, đ as d. */
export function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

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
