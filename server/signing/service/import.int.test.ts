import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import forge from "node-forge";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvent } from "@/db/schema/audit";
import { signingCertificate, trustAnchor } from "@/db/schema/signing";
import { createCaller } from "@/server/api/root";
import { fieldKeys, refusal } from "@/server/testing/trpc";
import { buildFormPdf } from "../pdf/testing/form-pdf";
import {
  createIssuingCa,
  createLocalSigner,
  createRootCa,
  issuePersonCertificate,
  wrapPkcs12,
  type CertifiedKey,
} from "../pki";
import {
  createWorkflowWorld,
  refusedWith,
  type WorkflowWorld,
} from "../../testing/incoming-workflow";
import { ensureAuthority } from "./authority";
import { currentCrl } from "./certificates";
import { myCertificate, unlockForSigning } from "./holder";
import { importCertificate } from "./import";
import { signPdfPades } from "./pades";
import { decideTrustAnchor } from "./trust-anchors";
import { checkSignatures } from "./verify-file";

// A leader brings a key from an outside CA. The test CA below is not the deployment's: its root
// must wait for the deployment admin's approval before signatures under it are trusted.

let world: WorkflowWorld;
let root: CertifiedKey;
let issuing: CertifiedKey;
const PASSWORD = "MatKhauXuat2026";
const dir = mkdtempSync(path.join(tmpdir(), "lien-thong-import-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const leaf = (options: { now?: Date; validityYears?: number; issuer?: CertifiedKey } = {}) =>
  issuePersonCertificate({
    issuer: options.issuer ?? issuing,
    fullName: "Nguyễn Đức Thắng",
    title: "Chủ tịch",
    organizationName: "Ủy ban nhân dân phường Định Công",
    organizationCode: "000.02.28.H26",
    crlDistributionPointUrl: "http://ca.example.vn/crl",
    keyBits: 2048,
    ...options,
  });

const p12Of = (pair: CertifiedKey, chain = [issuing.certificate, root.certificate]) =>
  wrapPkcs12({ key: pair.privateKey, certificate: pair.certificate, chain, pin: PASSWORD });

/** What a refusal must leave as it was. */
async function snapshot() {
  const { db } = world;
  const [certificates] = await db.select({ n: count() }).from(signingCertificate);
  const [anchors] = await db.select({ n: count() }).from(trustAnchor);
  const [events] = await db.select({ n: count() }).from(auditEvent);
  return { certificates: certificates!.n, anchors: anchors!.n, events: events!.n };
}

async function refusedOn(file: Buffer, password = PASSWORD) {
  const before = await snapshot();
  const error = await refusedWith(
    importCertificate(world.db, await world.as("chutich.dc"), { file, password, pin: "246810" }),
  );
  expect(await snapshot()).toEqual(before);
  return error.fieldErrors;
}

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "a-test-secret-of-at-least-thirty-two-characters";
  world = await createWorkflowWorld();
  root = await createRootCa({
    commonName: "Test Certification Authority",
    organizationName: "Công ty Chứng thực Thử nghiệm",
    keyBits: 2048,
  });
  issuing = await createIssuingCa({
    root,
    commonName: "Test Issuing CA",
    organizationName: "Công ty Chứng thực Thử nghiệm",
    keyBits: 2048,
  });
});

describe("importing a PKCS#12 from an outside CA", () => {
  it("keeps the key under the new PIN, supersedes the leader's earlier one, and puts the root forward", async () => {
    const { db, users } = world;
    const leader = await world.as("chutich.dc");
    const pair = await leaf();
    const imported = await importCertificate(db, leader, {
      file: await p12Of(pair),
      password: PASSWORD,
      pin: "Pin2468",
    });
    expect(imported.trustAnchor).toBe("pending");

    const held = await myCertificate(db, leader, "person");
    expect(held).toMatchObject({
      id: imported.id,
      imported: true,
      purpose: "person",
      subjectName: "Nguyễn Đức Thắng",
      userId: users["chutich.dc"],
      sealedActivation: null,
    });
    const { unlocked } = await unlockForSigning(db, leader, {
      certificateId: imported.id,
      pin: "Pin2468",
    });
    expect(unlocked.certificate.raw.equals(pair.certificate.raw)).toBe(true);
    expect(unlocked.chain.map((c) => c.subject)).toEqual([
      issuing.certificate.subject,
      root.certificate.subject,
    ]);
    // The export password opens nothing any more.
    expect(
      (
        await refusedWith(
          unlockForSigning(db, leader, { certificateId: imported.id, pin: PASSWORD }),
        )
      ).fieldErrors,
    ).toMatchObject({ pin: [{ key: "signing.wrongPin" }] });

    const [anchor] = await db
      .select()
      .from(trustAnchor)
      .where(eq(trustAnchor.fingerprint, root.certificate.fingerprint256));
    expect(anchor).toMatchObject({ status: "pending", addedById: users["chutich.dc"] });
    expect(anchor!.subjectName).toContain("CN=Test Certification Authority");

    // The same file again (a double tap) keeps the one certificate.
    const again = await importCertificate(db, leader, {
      file: await p12Of(pair),
      password: PASSWORD,
      pin: "Pin2468",
    });
    expect(again.id).toBe(imported.id);
    const rows = await db
      .select({ id: signingCertificate.id })
      .from(signingCertificate)
      .where(eq(signingCertificate.serial, imported.serial));
    expect(rows).toHaveLength(1);
  });

  it("signs PDFs our verifier calls valid-untrusted until the admin approves the root, then valid", async () => {
    const { db } = world;
    const leader = await world.as("chutich.dc");
    const held = (await myCertificate(db, leader, "person"))!;
    const { unlocked } = await unlockForSigning(db, leader, {
      certificateId: held.id,
      pin: "Pin2468",
    });
    const form = await buildFormPdf({ texts: [] });
    const signed = await signPdfPades({
      pdf: form.bytes,
      signer: createLocalSigner(unlocked),
      authority: await ensureAuthority(db),
      crls: [await currentCrl(db)],
      signature: {
        fieldName: "LanhDaoKy",
        signerName: "Nguyễn Đức Thắng",
        reason: "Ký ban hành",
        location: "Phường Định Công",
        signingTime: new Date(),
      },
    });
    expect((await checkSignatures(db, signed))!.signatures[0]!.verdict).toBe("valid-untrusted");

    const [anchor] = await db
      .select({ id: trustAnchor.id })
      .from(trustAnchor)
      .where(eq(trustAnchor.fingerprint, root.certificate.fingerprint256));
    await decideTrustAnchor(db, await world.as("quantri"), { id: anchor!.id, decision: "approve" });
    expect((await checkSignatures(db, signed))!.signatures[0]!.verdict).toBe("valid");
  });

  it("puts no root forward for a key from the deployment's own CA", async () => {
    const { db } = world;
    const authority = await ensureAuthority(db);
    const ours = await leaf({ issuer: authority.issuing });
    const before = await snapshot();
    const imported = await importCertificate(db, await world.as("phochutich.dc"), {
      file: await wrapPkcs12({
        key: ours.privateKey,
        certificate: ours.certificate,
        chain: [authority.issuing.certificate, authority.root.certificate],
        pin: PASSWORD,
      }),
      password: PASSWORD,
      pin: "135790",
    });
    expect(imported.trustAnchor).toBe("own");
    expect((await snapshot()).anchors).toBe(before.anchors);
  });

  it("refuses, on the password field, a password that does not open the file", async () => {
    expect(await refusedOn(await p12Of(await leaf()), "MatKhauSai")).toEqual({
      password: [{ key: "signing.importWrongPassword" }],
    });
  });

  it("refuses, on the file, what is not a key file, or one with nothing to sign with", async () => {
    const pair = await leaf();
    const good = await p12Of(pair);
    const corrupt = Buffer.from(good);
    corrupt.fill(0x41, 40, 400);
    const cases: [Buffer, string][] = [
      [Buffer.from("Đây không phải tệp khóa"), "signing.importNotKeyFile"],
      [good.subarray(0, 300), "signing.importNotKeyFile"],
      [corrupt, "signing.importWrongPassword"],
      [await passwordLess(pair), "signing.importNoPassword"],
      [await keyOfAnother(pair), "signing.importKeyMismatch"],
    ];
    for (const [file, key] of cases) {
      const errors = await refusedOn(file);
      expect(Object.values(errors).flat()[0]?.key, key).toBe(key);
    }
  });

  it("refuses certificates that cannot sign today: expired, not yet valid, a CA's, without chain", async () => {
    const years = (n: number) => new Date(Date.now() + n * 365 * 86_400_000);
    const expired = await p12Of(await leaf({ now: years(-3), validityYears: 1 }));
    expect(await refusedOn(expired)).toMatchObject({
      file: [
        {
          key: "signing.importExpired",
          params: { date: expect.stringMatching(/^\d\d\/\d\d\/\d{4}$/) },
        },
      ],
    });
    const future = await p12Of(await leaf({ now: years(1) }));
    expect(await refusedOn(future)).toMatchObject({ file: [{ key: "signing.importNotYetValid" }] });
    const caKey = await p12Of(issuing, [root.certificate]);
    expect(await refusedOn(caKey)).toEqual({ file: [{ key: "signing.importNotForSigning" }] });
    const noChain = await p12Of(await leaf(), []);
    expect(await refusedOn(noChain)).toEqual({ file: [{ key: "signing.importChainMissing" }] });
    expect(await refusedOn(selfSignedLeaf())).toEqual({
      file: [{ key: "signing.importSelfSigned" }],
    });
  });

  it("refuses keys under a root the admin refused", async () => {
    const otherRoot = await createRootCa({
      commonName: "Refused Root",
      organizationName: "X",
      keyBits: 2048,
    });
    const otherIssuing = await createIssuingCa({
      root: otherRoot,
      commonName: "Refused Issuing",
      organizationName: "X",
      keyBits: 2048,
    });
    const first = await leaf({ issuer: otherIssuing });
    const leader = await world.as("chutich.hl");
    await importCertificate(world.db, leader, {
      file: await p12Of(first, [otherIssuing.certificate, otherRoot.certificate]),
      password: PASSWORD,
      pin: "864200",
    });
    const [anchor] = await world.db
      .select({ id: trustAnchor.id })
      .from(trustAnchor)
      .where(eq(trustAnchor.fingerprint, otherRoot.certificate.fingerprint256));
    await decideTrustAnchor(world.db, await world.as("quantri"), {
      id: anchor!.id,
      decision: "refuse",
    });
    const second = await leaf({ issuer: otherIssuing });
    const error = await refusedWith(
      importCertificate(world.db, leader, {
        file: await p12Of(second, [otherIssuing.certificate, otherRoot.certificate]),
        password: PASSWORD,
        pin: "864200",
      }),
    );
    expect(error.fieldErrors).toEqual({ file: [{ key: "signing.importCaRefused" }] });
  });

  it("is for leaders only, and answers bad input with translated field errors", async () => {
    const call = (username: string, input: unknown) =>
      createCaller({
        db: world.db,
        locale: "vi",
        session: { userId: world.users[username]!, sessionEpoch: 1 },
      }).signing.importCertificate(input as never);
    const file = (await p12Of(await leaf())).toString("base64");
    const before = await snapshot();
    expect(
      (await refusal(call("vanthu.dc", { file, password: PASSWORD, pin: "246810" }))).code,
    ).toBe("FORBIDDEN");
    const bad = await refusal(call("chutich.dc", { file: "%%%", password: "", pin: "12" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(fieldKeys(bad)).toMatchObject({
      file: ["signing.importNotKeyFile"],
      password: ["validation.required"],
    });
    const huge = await refusal(
      call("chutich.dc", { file: "A".repeat(200_000), password: PASSWORD, pin: "246810" }),
    );
    expect(fieldKeys(huge)).toEqual({ file: ["signing.importTooLarge"] });
    const pin = await refusal(call("chutich.dc", { file, password: PASSWORD, pin: "12 34" }));
    expect(fieldKeys(pin)).toEqual({ pin: ["signing.pinFormat"] });
    expect(await snapshot()).toEqual(before);
  });
});

/** The same key and certificates exported by OpenSSL with an empty password. */
async function passwordLess(pair: CertifiedKey): Promise<Buffer> {
  const key = path.join(dir, "key.pem");
  const cert = path.join(dir, "cert.pem");
  const chain = path.join(dir, "chain.pem");
  const out = path.join(dir, "empty.p12");
  writeFileSync(key, pair.privateKey.export({ type: "pkcs8", format: "pem" }) as string);
  writeFileSync(cert, pair.certificate.toString());
  writeFileSync(chain, issuing.certificate.toString() + root.certificate.toString());
  execFileSync("openssl", [
    "pkcs12",
    "-export",
    "-inkey",
    key,
    "-in",
    cert,
    "-certfile",
    chain,
    "-passout",
    "pass:",
    "-out",
    out,
  ]);
  return readFileSync(out);
}

/** A signing certificate that is its own issuer, made by OpenSSL. */
function selfSignedLeaf(): Buffer {
  const at = (name: string) => path.join(dir, name);
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "30",
      "-keyout",
      at("self-key.pem"),
      "-out",
      at("self.pem"),
      "-subj",
      "/CN=Tự ký",
      "-utf8",
      "-addext",
      "keyUsage=critical,digitalSignature,nonRepudiation",
      "-addext",
      "basicConstraints=critical,CA:FALSE",
    ],
    { stdio: "ignore" },
  );
  execFileSync("openssl", [
    "pkcs12",
    "-export",
    "-inkey",
    at("self-key.pem"),
    "-in",
    at("self.pem"),
    "-passout",
    `pass:${PASSWORD}`,
    "-out",
    at("self.p12"),
  ]);
  return readFileSync(at("self.p12"));
}

/** A file whose key belongs to another certificate (node-forge does not check, OpenSSL does). */
async function keyOfAnother(pair: CertifiedKey): Promise<Buffer> {
  const other = await leaf();
  const key = forge.pki.privateKeyFromPem(
    other.privateKey.export({ type: "pkcs8", format: "pem" }) as string,
  );
  const certificate = forge.pki.certificateFromPem(pair.certificate.toString());
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [certificate], PASSWORD, { algorithm: "3des" });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary");
}
