import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { documentFile } from "@/db/schema/documents";
import { exportPackage } from "../edxml/export";
import { parseEdxml } from "../edxml/parse";
import { readStoredFile } from "../files/generated";
import { ensureAuthority } from "../signing/service/authority";
import { refusedWith } from "../testing/incoming-workflow";
import { createDeliveryWorld, deliveryMoves, type DeliveryWorld } from "./test-world";

let world: DeliveryWorld;
const { issuedToThree } = deliveryMoves(() => world);

beforeAll(async () => {
  world = await createDeliveryWorld();
});

describe("delivery between organisations of the deployment", () => {
  it("exports the issued document as a signed edXML package that our parser reads back whole", async () => {
    const { db } = world;
    const sent = await issuedToThree("V/v báo cáo số liệu dân cư quý IV", "hoangliet");
    const clerk = await world.as("vanthu.dc");
    const { xml, fileName } = await exportPackage(db, clerk, sent.id);
    expect(fileName).toBe(`${sent.numberNotation.replace("/", "-")}.edxml`);
    const parsed = parseEdxml(Buffer.from(xml));
    if (!parsed.ok || parsed.kind !== "document") throw new Error(JSON.stringify(parsed));
    const [number, notation] = sent.numberNotation.split("/");
    expect(parsed.fields).toMatchObject({
      From: { OrganId: "000.10.28.H26", OrganName: "Ủy ban nhân dân phường Định Công" },
      CodeNumber: number,
      CodeNotation: notation,
      Subject: "V/v báo cáo số liệu dân cư quý IV",
      SignerInfo: { FullName: "Nguyễn Đức Thắng" },
      BussinessDocType: "0",
    });
    expect(parsed.fields.DocumentId).toMatch(/^000\.10\.28\.H26,\d{4}\/\d{2}\/\d{2},/);
    expect(parsed.fields.To.map((t) => t.OrganId).sort()).toEqual([
      "000.00.28.H26",
      "000.11.28.H26",
    ]);
    expect(parsed.fields.ToPlaces).toContain("Công an phường Định Công");
    const [main] = await db
      .select()
      .from(documentFile)
      .where(and(eq(documentFile.documentId, sent.id), eq(documentFile.kind, "main")));
    expect(
      parsed.attachments[0]!.bytes.equals(Buffer.from(await readStoredFile(main!.sha256))),
    ).toBe(true);
    // Signed with the deployment's exchange key, whose chain ends at the deployment's root.
    expect(parsed.signature.valid).toBe(true);
    const root = (await ensureAuthority(db)).root.certificate;
    expect(parsed.signature.certificates.at(-1)!.fingerprint256).toBe(root.fingerprint256);
    // Only an issued document, and only one the caller sees.
    expect((await refusedWith(exportPackage(db, await world.as("vanthu.hl"), sent.id))).code).toBe(
      "NOT_FOUND",
    );
  });
});
