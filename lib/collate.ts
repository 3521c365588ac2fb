/**
 * Two texts in Vietnamese alphabetical order (Ánh after Anh, Đức after Dung). One collator made
 * once: `localeCompare(…, "vi")` builds a new one on every call, which a long sort pays for.
 */
export const compareVietnamese: (a: string, b: string) => number = new Intl.Collator("vi").compare;

/**
 * A text as search compares it: "Quyết   ĐỊNH" and "quyet dinh" read alike, and "Định Công" is
 * found by "dinh cong" (no case, no diacritics, đ as d, spaces collapsed).
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
