import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createWorkflowWorld,
  refusedWith,
  type WorkflowWorld,
} from "../../testing/incoming-workflow";
import { ensureAuthority } from "./authority";
import { listCertificates } from "./certificate-admin";
import { currentCrl, issueCertificate, revokeCertificate } from "./certificates";
import { setPin, unlockForSigning } from "./holder";

let world: WorkflowWorld;
const dir = mkdtempSync(path.join(tmpdir(), "lien-thong-certs-"));
const openssl = (args: string[]) =>
  execFileSync("openssl", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "a-test-secret-of-at-least-thirty-two-characters";
  world = await createWorkflowWorld();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("signing certificates from the deployment's own CA", () => {
  it("issues a leader's certificate with a Vietnamese subject that OpenSSL verifies to our root", async () => {
    const { db, orgs, users } = world;
    const admin = await world.as("quantri");
    const { id } = await issueCertificate(db, admin, {
      organisationId: orgs.dinhcong!,
      userId: users["chutich.dc"]!,
      title: "Chủ tịch",
    });
    const [row] = (await listCertificates(db, admin, { organisationId: orgs.dinhcong! })).filter(
      (c) => c.id === id,
    );
    expect(row).toMatchObject({
      purpose: "person",
      subjectName: "Nguyễn Đức Thắng",
      pinSet: false,
    });

    const authority = await ensureAuthority(db);
    const leader = await world.as("chutich.dc");
    await setPin(db, leader, { certificateId: id, pin: "246810" });
    const { unlocked } = await unlockForSigning(db, leader, { certificateId: id, pin: "246810" });
    writeFileSync(path.join(dir, "leaf.pem"), unlocked.certificate.toString());
    writeFileSync(path.join(dir, "root.pem"), authority.root.certificate.toString());
    writeFileSync(path.join(dir, "issuing.pem"), authority.issuing.certificate.toString());
    const text = openssl([
      "x509",
      "-in",
      path.join(dir, "leaf.pem"),
      "-noout",
      "-subject",
      "-nameopt",
      "utf8,sep_comma_plus",
    ]);
    expect(text).toContain("CN=Nguyễn Đức Thắng");
    expect(text).toContain("O=Ủy ban nhân dân phường Định Công");
    expect(text).toContain("title=Chủ tịch");
    expect(
      openssl([
        "verify",
        "-CAfile",
        path.join(dir, "root.pem"),
        "-untrusted",
        path.join(dir, "issuing.pem"),
        path.join(dir, "leaf.pem"),
      ]),
    ).toContain(": OK");
  });

  it("counts wrong PINs, says how many are left, and locks the key", async () => {
    const { db, orgs, users } = world;
    const { id } = await issueCertificate(db, await world.as("quantri"), {
      organisationId: orgs.dinhcong!,
      userId: users["phochutich.dc"]!,
    });
    const leader = await world.as("phochutich.dc");
    expect(
      (await refusedWith(unlockForSigning(db, leader, { certificateId: id, pin: "000000" })))
        .messageKey,
    ).toBe("signing.pinNotSet");
    expect(
      (await refusedWith(setPin(db, leader, { certificateId: id, pin: "12 34" }))).fieldErrors,
    ).toMatchObject({ pin: [{ key: "signing.pinFormat" }] });
    await setPin(db, leader, { certificateId: id, pin: "135790" });
    const first = await refusedWith(
      unlockForSigning(db, leader, { certificateId: id, pin: "111111" }),
    );
    expect(first.fieldErrors).toMatchObject({
      pin: [{ key: "signing.wrongPin", params: { left: 4 } }],
    });
    for (let i = 0; i < 3; i++) {
      await refusedWith(unlockForSigning(db, leader, { certificateId: id, pin: "111111" }));
    }
    const locked = await refusedWith(
      unlockForSigning(db, leader, { certificateId: id, pin: "111111" }),
    );
    expect(locked).toMatchObject({ code: "TOO_MANY_REQUESTS", messageKey: "signing.keyLocked" });
    // Locked means locked, even for the right PIN; later it opens again.
    expect(
      (await refusedWith(unlockForSigning(db, leader, { certificateId: id, pin: "135790" })))
        .messageKey,
    ).toBe("signing.keyLocked");
    const later = new Date(Date.now() + 16 * 60_000);
    await expect(
      unlockForSigning(db, leader, { certificateId: id, pin: "135790", now: later }),
    ).resolves.toBeDefined();
    // Another person's key is not theirs to try.
    expect(
      (
        await refusedWith(
          unlockForSigning(db, await world.as("chutich.dc"), { certificateId: id, pin: "135790" }),
        )
      ).code,
    ).toBe("NOT_FOUND");
  });

  it("revokes a certificate: the CRL lists it, OpenSSL checks the CRL, and the key signs no more", async () => {
    const { db, orgs } = world;
    const admin = await world.as("quantri");
    const { id, serial } = await issueCertificate(db, admin, { organisationId: orgs.dinhcong! });
    const clerk = await world.as("vanthu.dc");
    await setPin(db, clerk, { certificateId: id, pin: "DauUBND2026" });
    const row = (await listCertificates(db, admin, { organisationId: orgs.dinhcong! })).find(
      (c) => c.id === id,
    )!;
    expect(row.purpose).toBe("seal");
    await revokeCertificate(db, admin, {
      certificateId: id,
      version: row.version,
      reason: "Mất khóa",
    });
    writeFileSync(path.join(dir, "crl.der"), await currentCrl(db));
    const authority = await ensureAuthority(db);
    writeFileSync(path.join(dir, "issuing.pem"), authority.issuing.certificate.toString());
    const crl = execFileSync(
      "openssl",
      [
        "crl",
        "-inform",
        "DER",
        "-in",
        path.join(dir, "crl.der"),
        "-CAfile",
        path.join(dir, "issuing.pem"),
        "-noout",
        "-text",
      ],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    expect(crl.toUpperCase()).toContain(serial.toUpperCase());
    expect(
      (await refusedWith(unlockForSigning(db, clerk, { certificateId: id, pin: "DauUBND2026" })))
        .messageKey,
    ).toBe("signing.certificateNotActive");
    expect(
      (
        await refusedWith(
          revokeCertificate(db, await world.as("chutich.dc"), {
            certificateId: id,
            version: row.version + 1,
            reason: "x",
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });
});
