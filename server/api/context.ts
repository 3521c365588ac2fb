import "server-only";
import { getDb } from "@/db/client";
import { currentSession } from "../auth/auth";
import { localeFromCookieHeader } from "../i18n/locale";
import type { Context } from "./trpc";

export async function createContext(opts: { headers: Headers }): Promise<Context> {
  return {
    db: getDb(),
    locale: localeFromCookieHeader(opts.headers.get("cookie")),
    session: await currentSession(),
  };
}
