import { createTranslator } from "use-intl/core";
import { messagesFor, type Locale } from "./locale";
import type { MessageParams } from "../errors";

/** Translates a full message key outside React (API errors, PDFs, jobs). */
export function translate(locale: Locale, key: string, params: MessageParams = {}): string {
  const t = createTranslator({ locale, messages: messagesFor(locale) });
  try {
    return (t as unknown as (k: string, p: MessageParams) => string)(key, params);
  } catch {
    return key;
  }
}
