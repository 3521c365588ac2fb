import "server-only";
import { getDb } from "@/db/client";
import { sessionFromCookieHeader } from "../auth/auth";
import { sharedActors } from "../authz/shared-actors";
import { localeFromCookieHeader } from "../i18n/locale";
import type { Context } from "./trpc";

export async function createContext(opts: { headers: Headers }): Promise<Context> {
  const cookie = opts.headers.get("cookie");
  return {
    db: getDb(),
    locale: localeFromCookieHeader(cookie),
    session: await sessionFromCookieHeader(cookie),
    actors: sharedActors(),
  };
}
