import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvent } from "@/db/schema/audit";
import { trustAnchor } from "@/db/schema/signing";
import { createCaller } from "@/server/api/root";
import { refusal } from "@/server/testing/trpc";
import { createRootCa } from "../pki";
import {
  createWorkflowWorld,
  refusedWith,
  type WorkflowWorld,
} from "../../testing/incoming-workflow";
import { decideTrustAnchor, listTrustAnchors, submitTrustAnchor } from "./trust-anchors";

let world: WorkflowWorld;
let anchorId: string;

const caller = (username: string) =>
  createCaller({
    db: world.db,
    locale: "vi",
    session: { userId: world.users[username]!, sessionEpoch: 1 },
  });

const statusOf = async (id: string) =>
  (await world.db.select().from(trustAnchor).where(eq(trustAnchor.id, id)))[0]!;

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "a-test-secret-of-at-least-thirty-two-characters";
  world = await createWorkflowWorld();
  const root = await createRootCa({
    commonName: "VNPT Certification Authority",
    organizationName: "VNPT Group",
    keyBits: 2048,
  });
  const leader = await world.as("chutich.dc");
  expect(await submitTrustAnchor(world.db, leader, root.certificate)).toBe("pending");
  // Put forward again (another leader of the same CA): still the one row, still pending.
  expect(await submitTrustAnchor(world.db, await world.as("chutich.hl"), root.certificate)).toBe(
    "pending",
  );
  const [row] = await world.db.select({ id: trustAnchor.id }).from(trustAnchor);
  anchorId = row!.id;
});

describe("outside roots put forward for approval", () => {
  it("are listed to the deployment admin with who put them forward", async () => {
    const list = await listTrustAnchors(world.db, await world.as("quantri"));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: anchorId,
      commonName: "VNPT Certification Authority",
      status: "pending",
      addedBy: "Nguyễn Đức Thắng",
      decidedBy: null,
    });
    expect(list[0]!.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it("are decided by nobody else: an organisation's admin, a leader, a clerk are refused", async () => {
    const [before] = await world.db.select({ n: count() }).from(auditEvent);
    for (const username of ["quantri.dc", "chutich.dc", "vanthu.hl"]) {
      const c = caller(username).signing;
      expect((await refusal(c.trustAnchors())).code).toBe("FORBIDDEN");
      for (const decision of ["approve", "refuse"] as const) {
        expect((await refusal(c.decideTrustAnchor({ id: anchorId, decision }))).code).toBe(
          "FORBIDDEN",
        );
      }
    }
    expect((await statusOf(anchorId)).status).toBe("pending");
    const [after] = await world.db.select({ n: count() }).from(auditEvent);
    expect(after!.n).toBe(before!.n);
  });

  it("are approved once however often it is asked, refused later if need be, each in the audit log", async () => {
    const admin = await world.as("quantri");
    const events = () =>
      world.db
        .select()
        .from(auditEvent)
        .where(
          and(
            eq(auditEvent.organisationId, admin.organisationId),
            eq(auditEvent.entityId, anchorId),
          ),
        );
    await decideTrustAnchor(world.db, admin, { id: anchorId, decision: "approve" });
    await caller("quantri").signing.decideTrustAnchor({ id: anchorId, decision: "approve" });
    expect(await statusOf(anchorId)).toMatchObject({
      status: "approved",
      decidedById: admin.userId,
    });
    expect((await events()).map((e) => e.action)).toEqual(["signing.trustAnchorApproved"]);

    await decideTrustAnchor(world.db, admin, { id: anchorId, decision: "refuse" });
    expect((await statusOf(anchorId)).status).toBe("refused");
    const all = await events();
    expect(all.map((e) => e.action)).toEqual([
      "signing.trustAnchorApproved",
      "signing.trustAnchorRefused",
    ]);
    expect(all[1]!.data).toMatchObject({ from: "approved" });
  });

  it("answers an id that names no root as not found", async () => {
    const error = await refusedWith(
      decideTrustAnchor(world.db, await world.as("quantri"), {
        id: "00000000-0000-4000-8000-000000000000",
        decision: "approve",
      }),
    );
    expect(error.code).toBe("NOT_FOUND");
  });
});
