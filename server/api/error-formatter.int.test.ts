// Refusals as an HTTP client sees them: the status, the translated message in the language of
// the locale cookie, and translated field errors a form can show.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { seedDemo } from "@/db/seed/demo";
import { localeFromCookieHeader } from "@/server/i18n/locale";
import { freshDatabase } from "@/server/testing/test-db";
import { appRouter } from "./root";

let db: Db;
let users: Record<string, string>;

/** Through the HTTP adapter, so the error formatter and status mapping are exercised. */
function httpCall(username: string, cookie: string, path: string, input: unknown) {
  const isQuery = path.endsWith(".list") || path.endsWith(".get");
  const encoded = encodeURIComponent(JSON.stringify({ json: input }));
  const req = new Request(
    `http://localhost/api/trpc/${path}${isQuery ? `?input=${encoded}` : ""}`,
    {
      method: isQuery ? "GET" : "POST",
      headers: { cookie, "content-type": "application/json" },
      body: isQuery ? undefined : JSON.stringify({ json: input }),
    },
  );
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => ({
      db,
      locale: localeFromCookieHeader(cookie),
      session: { userId: users[username]!, sessionEpoch: 1 },
    }),
  });
}

beforeAll(async () => {
  ({ db } = await freshDatabase());
  ({ users } = await seedDemo(db));
});

describe("API errors", () => {
  it("answer a missing permission with status 403 and a message in the caller's language", async () => {
    for (const [cookie, text] of [
      ["NEXT_LOCALE=vi", "Bạn không có quyền quản lý người dùng"],
      ["NEXT_LOCALE=en", "You are not allowed to manage users"],
    ] as const) {
      const res = await httpCall("chuyenvien.kt", cookie, "users.list", {});
      expect(res.status).toBe(403);
      const body = (await res.json()) as {
        error: { json: { message: string; data: { appCode: string } } };
      };
      expect(body.error.json.message).toContain(text);
      expect(body.error.json.data.appCode).toBe("FORBIDDEN");
    }
  });

  it("answer a malformed input with status 400 and translated field errors", async () => {
    const res = await httpCall("quantri.dc", "NEXT_LOCALE=vi", "units.create", {
      name: "",
      shortName: "x".repeat(31),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { json: { data: { fieldErrors: Record<string, string[]> } } };
    };
    expect(body.error.json.data.fieldErrors).toEqual({
      name: ["Trường này là bắt buộc."],
      shortName: ["Không được quá 30 ký tự."],
    });
  });
});
