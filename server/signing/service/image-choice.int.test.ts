import { Readable } from "node:stream";
import { and, count, eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvent } from "@/db/schema/audit";
import { signatureImage } from "@/db/schema/signing";
import type { Actor } from "@/server/authz/actor";
import { receiveUpload } from "@/server/files/upload";
import {
  createWorkflowWorld,
  refusedWith,
  type WorkflowWorld,
} from "../../testing/incoming-workflow";
import {
  generateSealImage,
  mySignatureImage,
  sealImageOf,
  setSealImage,
  setSignatureImage,
} from "./image-choice";
import { imageFor } from "./images";
import { generateSealPng } from "./seal-image";

let world: WorkflowWorld;

/** Uploads bytes as the upload route would for this use; answers their hash. */
async function upload(actor: Actor, bytes: Buffer, fileName: string, seal = false) {
  const uploaded = await receiveUpload(
    world.db,
    actor,
    { stream: Readable.from([bytes]), fileName },
    { action: seal ? "signing.manage" : "signing.own" },
  );
  return uploaded.sha256;
}

/** A signature in ink on white paper, as a scan would give it: no transparency, too large. */
const scan = (stroke = "#1a3fb0") =>
  sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="800"><path d="M100 600 C 500 100, 900 700, 1900 200" stroke="${stroke}" stroke-width="30" fill="none"/></svg>`,
    ),
  )
    .flatten({ background: "#ffffff" })
    .png()
    .toBuffer();

async function snapshot() {
  const [images] = await world.db.select({ n: count() }).from(signatureImage);
  const [events] = await world.db.select({ n: count() }).from(auditEvent);
  return { images: images!.n, events: events!.n };
}

async function activeOf(organisationId: string, kind: "signature" | "seal") {
  return world.db
    .select()
    .from(signatureImage)
    .where(
      and(
        eq(signatureImage.organisationId, organisationId),
        eq(signatureImage.kind, kind),
        eq(signatureImage.active, true),
      ),
    );
}

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "a-test-secret-of-at-least-thirty-two-characters";
  world = await createWorkflowWorld();
});

describe("a leader's signature picture", () => {
  it("refuses what is not a usable PNG, changing nothing", async () => {
    const leader = await world.as("chutich.dc");
    const png = await scan();
    const cases: [Buffer, string, string][] = [
      [await sharp(png).jpeg().toBuffer(), "chu-ky.jpg", "signing.imageNotPng"],
      [png.subarray(0, 300), "hong.png", "signing.imageUnreadable"],
      [
        await sharp({
          create: { width: 300, height: 120, channels: 4, background: "#ffffff00" },
        })
          .png()
          .toBuffer(),
        "trong.png",
        "signing.imageEmpty",
      ],
    ];
    for (const [bytes, name, key] of cases) {
      const sha256 = await upload(leader, bytes, name);
      const before = await snapshot();
      const error = await refusedWith(
        setSignatureImage(world.db, leader, { sha256, source: "upload" }),
      );
      expect(error.fieldErrors, name).toEqual({ file: [{ key }] });
      expect(await snapshot()).toEqual(before);
    }
  });

  it("keeps a scan scaled down into its box, the paper made transparent, the ink kept", async () => {
    const { db, orgs } = world;
    const leader = await world.as("chutich.dc");
    expect((await mySignatureImage(db, leader)).chosen).toBe(false);
    const sha256 = await upload(leader, await scan(), "chu-ky.png");
    const kept = await setSignatureImage(db, leader, { sha256, source: "upload" });
    expect(kept.changed).toBe(true);

    const shown = await imageFor(db, {
      organisationId: orgs.dinhcong!,
      userId: leader.userId,
      name: leader.fullName,
    });
    const meta = await sharp(shown).metadata();
    expect(meta).toMatchObject({ format: "png", width: 600, height: 240, hasAlpha: true });
    const { data, info } = await sharp(shown).raw().toBuffer({ resolveWithObject: true });
    const alphaAt = (x: number, y: number) => data[(y * info.width + x) * 4 + 3];
    expect(alphaAt(0, 0)).toBe(0);
    const inked = [...Array(info.width * info.height).keys()].filter((i) => data[i * 4 + 3]! > 200);
    expect(inked.length).toBeGreaterThan(500);
    expect((await mySignatureImage(db, leader)).chosen).toBe(true);
  });

  it("replaces the one before in one step, and takes the same picture twice as once", async () => {
    const { db, orgs } = world;
    const leader = await world.as("chutich.dc");
    const drawn = await upload(leader, await scan("#0a2a8a"), "ve.png");
    await setSignatureImage(db, leader, { sha256: drawn, source: "drawn" });
    const before = await snapshot();
    expect((await setSignatureImage(db, leader, { sha256: drawn, source: "drawn" })).changed).toBe(
      false,
    );
    expect(await snapshot()).toEqual(before);
    const active = (await activeOf(orgs.dinhcong!, "signature")).filter(
      (r) => r.userId === leader.userId,
    );
    expect(active).toHaveLength(1);
    const events = await db
      .select({ data: auditEvent.data })
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.action, "signing.signatureImageSet"),
          eq(auditEvent.entityId, leader.userId),
        ),
      );
    expect(events.map((e) => e.data.source)).toEqual(["upload", "drawn"]);
  });

  it("is chosen only from one's own upload, and only by a leader", async () => {
    const { db } = world;
    const theirs = await upload(await world.as("chutich.dc"), await scan("#112299"), "cua-toi.png");
    const before = await snapshot();
    const other = await refusedWith(
      setSignatureImage(db, await world.as("phochutich.dc"), { sha256: theirs, source: "upload" }),
    );
    expect(other.fieldErrors).toEqual({ file: [{ key: "signing.imageMissing" }] });
    const clerk = await refusedWith(
      setSignatureImage(db, await world.as("vanthu.dc"), { sha256: theirs, source: "upload" }),
    );
    expect(clerk.code).toBe("FORBIDDEN");
    expect(await snapshot()).toEqual(before);
  });
});

describe("an organisation's seal picture", () => {
  it("is drawn from the organisation's name until one is chosen", async () => {
    const { db, orgs } = world;
    const admin = await world.as("quantri");
    const name = "Ủy ban nhân dân phường Hoàng Liệt";
    const shown = await imageFor(db, { organisationId: orgs.hoangliet!, userId: null, name });
    expect(shown.equals(await generateSealPng(name))).toBe(true);
    expect(await sealImageOf(db, admin, { organisationId: orgs.hoangliet! })).toMatchObject({
      chosen: false,
      png: shown.toString("base64"),
    });
  });

  it("is generated or uploaded by the deployment admin for any organisation, nobody else", async () => {
    const { db, orgs } = world;
    const admin = await world.as("quantri");
    await generateSealImage(db, admin, { organisationId: orgs.hoangliet! });
    const [generated] = await activeOf(orgs.hoangliet!, "seal");
    expect(generated).toMatchObject({ userId: null, active: true });
    expect((await sealImageOf(db, admin, { organisationId: orgs.hoangliet! })).chosen).toBe(true);

    const sha256 = await upload(admin, await scan("#d0021b"), "con-dau.png", true);
    await setSealImage(db, admin, { organisationId: orgs.hoangliet!, sha256 });
    const active = await activeOf(orgs.hoangliet!, "seal");
    expect(active).toHaveLength(1);
    expect(active[0]!.sha256).not.toBe(generated!.sha256);
    const sealMeta = await sharp(
      await imageFor(db, { organisationId: orgs.hoangliet!, userId: null, name: "x" }),
    ).metadata();
    expect(Math.max(sealMeta.width!, sealMeta.height!)).toBeLessThanOrEqual(400);

    const before = await snapshot();
    const orgAdmin = await world.as("quantri.dc");
    for (const attempt of [
      () => generateSealImage(db, orgAdmin, { organisationId: orgs.dinhcong! }),
      () => setSealImage(db, orgAdmin, { organisationId: orgs.dinhcong!, sha256 }),
      () => sealImageOf(db, orgAdmin, { organisationId: orgs.dinhcong! }),
    ]) {
      expect((await refusedWith(attempt())).code).toBe("FORBIDDEN");
    }
    const unknown = await refusedWith(
      generateSealImage(db, admin, { organisationId: "00000000-0000-4000-8000-000000000000" }),
    );
    expect(unknown.fieldErrors).toEqual({
      organisationId: [{ key: "signing.organisationUnknown" }],
    });
    expect(await snapshot()).toEqual(before);
  });
});
