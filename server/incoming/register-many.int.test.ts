import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { document, documentFile } from "@/db/schema/documents";
import { documentParticipant } from "@/db/schema/participants";
import { fileBlob } from "@/db/schema/files";
import { registry } from "@/db/schema/registry";
import { deliveriesOf } from "../delivery/status";
import { createDeliveryWorld, deliveryMoves, type DeliveryWorld } from "../delivery/test-world";
import { listClerkBox } from "../inbox/boxes";
import { registerMany } from "./register-many";

let world: DeliveryWorld;
const { issuedToThree, copyOf } = deliveryMoves(() => world);

beforeAll(async () => {
  world = await createDeliveryWorld();
});

/** Each copy's status, book and number, in the order given. */
async function registered(ids: string[]) {
  const rows = await world.db
    .select({
      id: document.id,
      status: document.status,
      number: document.registryNumber,
      book: registry.name,
      kind: registry.kind,
    })
    .from(document)
    .leftJoin(registry, eq(registry.id, document.registryId))
    .where(inArray(document.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}

async function versions(ids: string[]) {
  const rows = await world.db
    .select({ documentId: document.id, version: document.version })
    .from(document)
    .where(inArray(document.id, ids));
  return ids.map((id) => rows.find((r) => r.documentId === id)!);
}

describe("registering several arrived documents in one go", () => {
  it("numbers them in the order they came, tells each sender, and never numbers one twice", async () => {
    const { db } = world;
    const sent = [];
    for (const subject of [
      "V/v rà soát hộ nghèo năm 2027",
      "V/v tổ chức Ngày hội Đại đoàn kết",
      "V/v kiểm tra an toàn thực phẩm",
    ]) {
      sent.push(await issuedToThree(subject, "hoangliet"));
    }
    const copies = await Promise.all(sent.map((s) => copyOf(s.id, world.orgs.hoangliet!)));
    // One of them is secret: it goes to the secret book whatever book is chosen.
    // (As a secret one arrives: its clerks are on it, since the secret is not theirs by rank.)
    await db.update(document).set({ confidentiality: "secret" }).where(eq(document.id, copies[1]!));
    await db.insert(documentParticipant).values({
      documentId: copies[1]!,
      organisationId: world.orgs.hoangliet!,
      userId: world.users["vanthu.hl"]!,
      kind: "registrar",
      box: "none",
      urgency: "normal",
    });
    const [book] = await db
      .insert(registry)
      .values({
        organisationId: world.orgs.hoangliet!,
        kind: "incoming",
        name: "Sổ văn bản đến điện tử",
      })
      .returning();

    const clerk = await world.as("vanthu.hl");
    // The box tells which arrived with good signatures, and which to open first.
    const signaturesIn = async () => {
      const box = await listClerkBox(db, clerk, { box: "to_register", limit: 50 });
      return copies.map((id) => box.items.find((i) => i.id === id)?.signatures);
    };
    expect(await signaturesIn()).toEqual(["valid", "valid", "valid"]);
    const [file] = await db
      .select({ sha256: documentFile.sha256 })
      .from(documentFile)
      .where(and(eq(documentFile.documentId, copies[2]!), eq(documentFile.kind, "main")));
    const [blob] = await db.select().from(fileBlob).where(eq(fileBlob.sha256, file!.sha256));
    const check = blob!.signatureCheck!;
    const broken = {
      ...check,
      signatures: check.signatures.map((s, i) =>
        i === 0 ? { ...s, verdict: "invalid" as const } : s,
      ),
    };
    await db
      .update(fileBlob)
      .set({ signatureCheck: broken })
      .where(eq(fileBlob.sha256, file!.sha256));
    expect(await signaturesIn()).toEqual(["valid", "valid", "invalid"]);
    await db
      .update(fileBlob)
      .set({ signatureCheck: check })
      .where(eq(fileBlob.sha256, file!.sha256));

    // Ticked last first: the numbers still follow the arrival.
    const items = (await versions(copies)).reverse();
    const results = await registerMany(db, clerk, { items, registryId: book!.id }, "vi");
    expect(results.map((r) => [r.documentId, r.ok])).toEqual([
      [copies[0], true],
      [copies[1], true],
      [copies[2], true],
    ]);
    const rows = await registered(copies);
    expect(rows.map((r) => [r.status, r.kind])).toEqual([
      ["registered", "incoming"],
      ["registered", "secret"],
      ["registered", "incoming"],
    ]);
    expect(rows[0]!.book).toBe("Sổ văn bản đến điện tử");
    expect(rows[2]!.number).toBe(rows[0]!.number! + 1);
    expect(results.map((r) => r.registryNumber)).toEqual(rows.map((r) => r.number));
    expect(results[1]!.registryName).toBe(rows[1]!.book);

    // Each sender's table reads "registered" for Hoàng Liệt.
    const dcClerk = await world.as("vanthu.dc");
    for (const s of sent) {
      const hl = (await deliveriesOf(db, dcClerk, s.id)).find((d) =>
        d.recipientName.includes("Hoàng Liệt"),
      )!;
      expect(hl.events.map((e) => e.code)).toEqual(["01", "03"]);
    }

    // The same request again (a double submit): each is refused, none numbered again.
    const again = await registerMany(db, clerk, { items, registryId: book!.id }, "vi");
    expect(again.every((r) => !r.ok && typeof r.message === "string" && r.message.length > 0)).toBe(
      true,
    );
    expect(await registered(copies)).toEqual(rows);
  });

  it("registers what it may and says why not for the rest", async () => {
    const { db } = world;
    const ours = await copyOf(
      (await issuedToThree("V/v phòng chống dịch", "hoangliet")).id,
      world.orgs.hoangliet!,
    );
    // Another organisation's document is not this clerk's to register.
    const theirs = await copyOf(
      (await issuedToThree("V/v lấy ý kiến dự thảo", "hoangliet")).id,
      world.orgs.hoangmai!,
    );
    const [mine] = await versions([ours]);
    const [other] = await versions([theirs]);
    const stale = { documentId: mine!.documentId, version: mine!.version + 1 };
    const clerk = await world.as("vanthu.hl");

    const refused = await registerMany(db, clerk, { items: [stale, other!] }, "en");
    expect(refused.every((r) => !r.ok)).toBe(true);
    expect(refused.find((r) => r.documentId === theirs)!.message).toMatch(/not|permission/i);
    expect((await registered([ours, theirs])).map((r) => r.status)).toEqual([
      "received",
      "received",
    ]);

    const results = await registerMany(db, clerk, { items: [mine!, other!] }, "vi");
    expect(results.map((r) => r.ok)).toEqual([true, false]);
    expect((await registered([ours, theirs])).map((r) => r.status)).toEqual([
      "registered",
      "received",
    ]);
  });

  it("gives each document one number when two clerks send the same ticks at once", async () => {
    const { db } = world;
    const copies: string[] = [];
    for (const subject of ["V/v tổng vệ sinh môi trường", "V/v tuyển quân năm 2027"]) {
      copies.push(
        await copyOf((await issuedToThree(subject, "hoangliet")).id, world.orgs.hoangliet!),
      );
    }
    const items = await versions(copies);
    const clerk = await world.as("vanthu.hl");
    const [a, b] = await Promise.all([
      registerMany(db, clerk, { items }, "vi"),
      registerMany(db, clerk, { items }, "vi"),
    ]);
    // Each document registered by exactly one of the two.
    for (let i = 0; i < copies.length; i++) {
      expect([a[i]!.ok, b[i]!.ok].filter(Boolean)).toHaveLength(1);
    }
    const rows = await registered(copies);
    expect(rows.map((r) => r.status)).toEqual(["registered", "registered"]);
    expect(new Set(rows.map((r) => r.number)).size).toBe(2);
  });
});
