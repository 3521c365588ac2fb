// Finding: a user created with a temporary password worked through the API without ever
// changing it. Until it is changed, every procedure but the one naming the account refuses them,
// and so do the file and report routes.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { seedDemo } from "@/db/seed/demo";
import { changeOwnPassword } from "@/server/auth/account";
import { loadActor } from "@/server/authz/actor";
import { actorOfRequest } from "@/server/authz/request-actor";
import { AppError } from "@/server/errors";
import { answerReportRequest } from "@/server/reports/download";
import { freshDatabase } from "@/server/testing/test-db";
import { refusal } from "@/server/testing/trpc";
import { appRouter, createCaller } from "./root";

const TEMPORARY = "TamThoi2026x";
let db: Db;
let userId: string;
let session: { userId: string; sessionEpoch: number };

const callerOf = (s: typeof session) => createCaller({ db, locale: "vi", session: s });

function call(path: string, input?: unknown) {
  const caller = callerOf(session) as unknown as Record<
    string,
    Record<string, (i: unknown) => Promise<unknown>>
  >;
  const [area, name] = path.split(".") as [string, string];
  return caller[area]![name]!(input);
}

beforeAll(async () => {
  ({ db } = await freshDatabase());
  const { users } = await seedDemo(db);
  const admin = createCaller({
    db,
    locale: "vi",
    session: { userId: users["quantri.dc"]!, sessionEpoch: 1 },
  });
  const created = await admin.users.create({
    username: "tamthoi.vanthu",
    fullName: "Trần Thị Tạm",
    roles: ["clerk", "specialist"],
    password: TEMPORARY,
  });
  userId = created.id;
  session = { userId, sessionEpoch: 1 };
});

describe("a temporary password", () => {
  it("answers only who the account is, offering no action", async () => {
    const me = await callerOf(session).account.me();
    expect(me).toMatchObject({ username: "tamthoi.vanthu", mustChangePassword: true, actions: [] });
  });

  const guarded = Object.keys(appRouter._def.procedures).filter((p) => p !== "account.me");

  it("is refused by every other procedure, before its input is even read", async () => {
    expect(guarded.length).toBeGreaterThan(30);
    for (const path of guarded) {
      const error = await refusal(call(path, { limit: 10 }));
      expect(error.code, path).toBe("FORBIDDEN");
      expect(error.cause, path).toBeInstanceOf(AppError);
      expect((error.cause as AppError).messageKey, path).toBe("errors.mustChangePassword");
    }
  });

  it("is refused by the file and report routes, with the reason in the user's language", async () => {
    await expect(actorOfRequest(db, session)).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "errors.mustChangePassword",
    });
    const response = await answerReportRequest(
      db,
      session,
      new Request("http://localhost/api/reports/registry-book?from=2026-01-01&to=2026-01-31", {
        headers: { cookie: "NEXT_LOCALE=en" },
      }),
      "incomingBook",
    );
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /temporary password/,
    );
  });

  it("stops holding back once the user has changed it", async () => {
    const actor = (await loadActor(db, session))!;
    const { sessionEpoch } = await changeOwnPassword(db, actor, {
      currentPassword: TEMPORARY,
      newPassword: "MatKhauRieng2026",
    });
    session = { userId, sessionEpoch };
    const page = (await call("inbox.clerkBox", { box: "to_register" })) as { items: unknown[] };
    expect(page.items).toEqual([]);
    expect((await actorOfRequest(db, session)).userId).toBe(userId);
  });
});
