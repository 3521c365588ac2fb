import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { documentFile } from "@/db/schema/documents";
import { loadActor, type Actor } from "@/server/authz/actor";
import { deliveriesOf } from "@/server/delivery/status";
import { getFileStore } from "@/server/files/store";
import { listClerkBox } from "@/server/inbox/boxes";
import { loadVisibleDocument } from "@/server/incoming/visibility";
import { ensureAuthority } from "@/server/signing/service/authority";
import { freshDatabase } from "@/server/testing/test-db";
import { seedDemo } from "./demo";
import { seedDemoCertificates } from "./demo-certificates";
import { seedDemoExchange } from "./demo-exchange";

let db: Db;
let users: Record<string, string>;
let sent: { id: string; numberNotation: string };
const dir = mkdtempSync(path.join(tmpdir(), "lien-thong-demo-exchange-"));

beforeAll(async () => {
  ({ db } = await freshDatabase());
  const seeded = await seedDemo(db);
  users = seeded.users;
  await ensureAuthority(db);
  await seedDemoCertificates(db, seeded);
  sent = await seedDemoExchange(db, seeded);
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const as = async (username: string): Promise<Actor> =>
  (await loadActor(db, { userId: users[username]!, sessionEpoch: 1 }))!;

describe("the demo's document sent between organisations", () => {
  it("shows Hoàng Liệt's clerk each recipient at its own place", async () => {
    const table = await deliveriesOf(db, await as("vanthu.hl"), sent.id);
    expect(table.map((d) => [d.recipientName, d.status])).toEqual([
      ["Ủy ban nhân dân phường Định Công", "arrived"],
      ["Ủy ban nhân dân quận Hoàng Mai", "assigned"],
      ["Ủy ban nhân dân xã Nam Đàn", "refused"],
    ]);
    const [dinhCong, district, namDan] = table;
    expect(dinhCong!.events.map((e) => e.code)).toEqual(["01"]);
    expect(district!.events.map((e) => e.code)).toEqual(["01", "03", "04"]);
    expect(namDan!.events.map((e) => e.code)).toEqual(["01", "02"]);
    expect(namDan!.reason).toContain("không giáp ranh");
  });

  it("waits in Định Công's reception queue, signed by Hoàng Liệt's chairman and sealed", async () => {
    const clerk = await as("vanthu.dc");
    const queue = await listClerkBox(db, clerk, { box: "to_register", limit: 100 });
    const item = queue.items.find((d) => d.subject?.includes("ven kênh mương"));
    expect(item).toBeDefined();
    const copy = await loadVisibleDocument(db, clerk, item!.id);
    const [number, ...notation] = sent.numberNotation.split("/");
    expect(copy).toMatchObject({
      status: "received",
      receivedVia: "exchange",
      issuerName: "Ủy ban nhân dân phường Hoàng Liệt",
      signerName: "Cao Văn Lực",
      codeNumber: number,
      codeNotation: notation.join("/"),
      urgency: "urgent",
    });
    const [main] = await db
      .select({ sha256: documentFile.sha256 })
      .from(documentFile)
      .where(and(eq(documentFile.documentId, copy.id), eq(documentFile.kind, "main")));
    const chunks: Buffer[] = [];
    for await (const chunk of await getFileStore().open(main!.sha256)) chunks.push(chunk as Buffer);
    const file = path.join(dir, "copy.pdf");
    writeFileSync(file, Buffer.concat(chunks));
    const pdfsig = spawnSync("pdfsig", [file], { encoding: "utf8" }).stdout;
    expect(pdfsig.match(/Signature is Valid/g)).toHaveLength(2);
    expect(pdfsig).toContain("Cao Văn Lực");
  });
});
