import en from "@/messages/en.json";
import vi from "@/messages/vi.json";

export const locales = ["vi", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "vi";
export const LOCALE_COOKIE = "NEXT_LOCALE";

export const messagesFor = (locale: Locale) => (locale === "en" ? en : vi);

export function parseLocale(value: string | undefined | null): Locale {
  return value === "en" ? "en" : defaultLocale;
}

/** The locale named by the locale cookie in a raw Cookie header. */
export function localeFromCookieHeader(cookieHeader: string | null): Locale {
  const match = cookieHeader?.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`));
  return parseLocale(match?.[1]);
}
