// Every row of the transition table, refused in each way it can be: by someone whose roles lack
// its permission, from a state it does not start from, by another organisation's member, and on
// a stale version. The allowed paths are walked through in workflow.int.test.ts.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { document } from "@/db/schema/documents";
import { seedDemo } from "@/db/seed/demo";
import { can, type Action } from "@/lib/permissions";
import type { IncomingActionName, IncomingActionRequest } from "@/lib/schemas/incoming-actions";
import { loadActor, type Actor } from "../authz/actor";
import { AppError } from "../errors";
import { insertRegisteredDocument } from "../testing/documents";
import { upsertParticipant } from "./participants";
import { freshDatabase } from "../testing/test-db";
import { incomingTransitions } from "./transitions";
import { applyIncomingAction } from "./workflow";

let db: Db;
let users: Record<string, string>;
let orgs: Record<string, string>;
const placeholder = "00000000-0000-4000-8000-000000000000";

/** A payload that passes validation for each action. */
const payloads = (
  u: Record<string, string>,
): Record<IncomingActionName, IncomingActionRequest> => ({
  present: { action: "present", leaderId: u["chutich.dc"]! },
  direct: {
    action: "direct",
    direction: "Xử lý",
    lead: { userId: u["chuyenvien.kt"]! },
    co: [],
    info: [],
  },
  assignToSpecialist: {
    action: "assignToSpecialist",
    assignmentId: placeholder,
    userId: u["chuyenvien.kt"]!,
  },
  addNote: { action: "addNote", note: "Tiến độ", files: [] },
  requestExtension: {
    action: "requestExtension",
    assignmentId: placeholder,
    requestedDeadline: "2099-01-01",
    reason: "Lý do",
  },
  decideExtension: { action: "decideExtension", requestId: placeholder, approve: true },
  submitResult: { action: "submitResult", assignmentId: placeholder, result: "Xong", files: [] },
  reviewResult: { action: "reviewResult", assignmentId: placeholder, accept: true },
  withdrawDirection: { action: "withdrawDirection" },
  forward: { action: "forward", info: [{ userId: u["chuyenvien.kt"]! }] },
  returnToLeader: { action: "returnToLeader", assignmentId: placeholder, reason: "Lý do" },
  markRead: { action: "markRead" },
  returnToSender: { action: "returnToSender", reason: "Gửi nhầm" },
  register: { action: "register" },
  answerRecall: { action: "answerRecall", accept: true },
});

/** Demo members of Phường Định Công by role, to find one who lacks a permission. */
const membersByRole = [
  "vanthu.dc",
  "chutich.dc",
  "truongphong.kt",
  "chuyenvien.kt",
  "quantri.dc",
  "quantri",
];
const allStatuses = [
  "received",
  "registered",
  "presented",
  "in_progress",
  "returned",
  "completed",
  "returned_to_sender",
  "recalled",
] as const;

async function actor(username: string): Promise<Actor> {
  return (await loadActor(db, { userId: users[username]!, sessionEpoch: 1 }))!;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

async function documentIn(
  status: (typeof allStatuses)[number],
  options: { organisation?: string; registrar?: string; onIt?: string } = {},
) {
  const organisationId = orgs[options.organisation ?? "dinhcong"]!;
  const doc = await insertRegisteredDocument(db, {
    organisationId,
    createdById: users[options.registrar ?? "vanthu.dc"]!,
    status,
  });
  // Someone who is neither clerk nor leader sees only documents they are on.
  if (options.onIt) {
    await upsertParticipant(db, {
      documentId: doc.id,
      userId: users[options.onIt]!,
      kind: "granted",
      organisationId,
      box: "none",
      urgency: "normal",
    });
  }
  return doc;
}

async function lacking(permission: Action): Promise<string | undefined> {
  for (const username of membersByRole) {
    if (!can((await actor(username)).roles, permission)) return username;
  }
  return undefined;
}

/** A member who holds the permission (clerks and leaders see every ordinary document). */
async function holding(permission: Action): Promise<string> {
  for (const username of ["vanthu.dc", "chutich.dc", "truongphong.kt", "chuyenvien.kt"]) {
    if (can((await actor(username)).roles, permission)) return username;
  }
  throw new Error(`nobody holds ${permission}`);
}

beforeAll(async () => {
  ({ db } = await freshDatabase());
  ({ users, orgs } = await seedDemo(db));
});

describe("every transition of the incoming workflow", () => {
  for (const t of incomingTransitions) {
    it(`${t.action}: refused to a member whose roles lack ${t.who}`, async () => {
      const username = await lacking(t.who);
      expect(username, `every transition should be refused to someone`).toBeDefined();
      const doc = await documentIn(t.from[0]!);
      const error = await refusal(
        applyIncomingAction(db, await actor(username!), {
          documentId: doc.id,
          version: 1,
          input: payloads(users)[t.action],
        }),
      );
      expect(error.code).toBe("FORBIDDEN");
      const [after] = await db.select().from(document).where(eq(document.id, doc.id));
      expect(after).toMatchObject({ status: t.from[0], version: 1 });
    });

    const wrongStates = allStatuses.filter((s) => !t.from.includes(s));
    it(`${t.action}: refused from ${wrongStates.join(", ")}`, async () => {
      const username = await holding(t.who);
      for (const status of wrongStates) {
        const doc = await documentIn(status, { onIt: username });
        const error = await refusal(
          applyIncomingAction(db, await actor(username), {
            documentId: doc.id,
            version: 1,
            input: payloads(users)[t.action],
          }),
        );
        expect([error.code, error.messageKey]).toEqual(["CONFLICT", "incoming.notAllowedNow"]);
      }
    });

    it(`${t.action}: another organisation's document is not found`, async () => {
      const doc = await documentIn(t.from[0]!, {
        organisation: "hoangliet",
        registrar: "vanthu.hl",
      });
      const error = await refusal(
        applyIncomingAction(db, await actor(await holding(t.who)), {
          documentId: doc.id,
          version: 1,
          input: payloads(users)[t.action],
        }),
      );
      expect(error.code).toBe("NOT_FOUND");
    });

    it(`${t.action}: a stale version is refused`, async () => {
      const username = await holding(t.who);
      const doc = await documentIn(t.from[0]!, { onIt: username });
      await db.update(document).set({ version: 2 }).where(eq(document.id, doc.id));
      const error = await refusal(
        applyIncomingAction(db, await actor(username), {
          documentId: doc.id,
          version: 1,
          input: payloads(users)[t.action],
        }),
      );
      expect(error.code).toBe("STALE");
    });
  }
});
