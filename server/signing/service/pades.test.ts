import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import forge from "node-forge";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFormPdf, TEXT_SIZE } from "../pdf/testing/form-pdf";
import { pdfsig, qpdfCheck } from "../pdf/testing/pdf-tools";
import { sealPng, signaturePng } from "../pdf/testing/test-images";
import {
  buildCrl,
  createIssuingCa,
  createLocalSigner,
  createRootCa,
  issuePersonCertificate,
  issueSealCertificate,
  issueTimestampingCertificate,
  type CertifiedKey,
} from "../pki";
import type { Authority } from "./authority";
import { signPdfPades } from "./pades";

// The whole of a leader's signature and the organisation's seal on one document, checked by
// tools that are not ours: pdfsig, qpdf, openssl cms -verify and openssl ts -verify.

const dir = mkdtempSync(path.join(tmpdir(), "lien-thong-pades-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);
const crlUrl = "http://localhost:3000/api/ca/crl";

let authority: Authority;
let leader: CertifiedKey;
let seal: CertifiedKey;

beforeAll(async () => {
  const root = await createRootCa({
    commonName: "Liên Thông Root CA",
    organizationName: "Liên Thông",
    keyBits: 2048,
  });
  const issuing = await createIssuingCa({
    root,
    commonName: "Liên Thông Issuing CA",
    organizationName: "Liên Thông",
    keyBits: 2048,
  });
  const tsa = await issueTimestampingCertificate({
    issuer: issuing,
    commonName: "Liên Thông TSA",
    organizationName: "Liên Thông",
    crlDistributionPointUrl: crlUrl,
  });
  authority = { root, issuing, tsa };
  const org = {
    organizationName: "Ủy ban nhân dân phường Định Công",
    organizationCode: "000.02.28.H26",
  };
  leader = await issuePersonCertificate({
    issuer: issuing,
    fullName: "Nguyễn Đức Thắng",
    title: "Chủ tịch",
    ...org,
    crlDistributionPointUrl: crlUrl,
  });
  seal = await issueSealCertificate({ issuer: issuing, ...org, crlDistributionPointUrl: crlUrl });
  writeFileSync(at("root.pem"), root.certificate.toString());
  writeFileSync(at("chain.pem"), issuing.certificate.toString() + root.certificate.toString());
});

const signerOf = (pair: CertifiedKey) =>
  createLocalSigner({
    key: pair.privateKey,
    certificate: pair.certificate,
    chain: [authority.issuing.certificate, authority.root.certificate],
  });

/** Each signature of the file: its signed bytes and its CMS. */
function signaturesOf(pdf: Uint8Array) {
  const text = Buffer.from(pdf).toString("latin1");
  return [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].map((m) => {
    const [a, b, c, d] = m.slice(1).map(Number) as [number, number, number, number];
    const hex = text.slice(a + b + 1, c - 1);
    const cms = Buffer.from(hex, "hex");
    // The hex is zero-padded: the DER's own length says where it ends.
    const long = cms[1]! & 0x80 ? cms[1]! & 0x7f : 0;
    const length = long ? cms.readUIntBE(2, long) : cms[1]!;
    const der = cms.subarray(0, 2 + long + length);
    return { content: Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]), cms: der };
  });
}

/** The timestamp token in the SignerInfo's unsigned attributes, and the signature value it covers. */
function timestampOf(cms: Buffer): { token: Buffer; signatureValue: Buffer } {
  const asn1 = forge.asn1.fromDer(forge.util.createBuffer(cms.toString("binary")));
  const signedData = (asn1.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[];
  const signerInfos = (signedData[0]!.value as forge.asn1.Asn1[]).at(-1)!;
  const signerInfo = (signerInfos.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
  const signatureValue = signerInfo.find(
    (n) => n.tagClass === forge.asn1.Class.UNIVERSAL && n.type === forge.asn1.Type.OCTETSTRING,
  )!;
  const unsigned = signerInfo.at(-1)!;
  const attribute = (unsigned.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
  const token = (attribute[1]!.value as forge.asn1.Asn1[])[0]!;
  return {
    token: Buffer.from(forge.asn1.toDer(token).getBytes(), "binary"),
    signatureValue: Buffer.from(signatureValue.value as string, "binary"),
  };
}

const openssl = (args: string[]) => spawnSync("openssl", args, { encoding: "utf8" });

describe("a leader's signature, then the organisation's seal (PAdES B-LT)", () => {
  it("gives a file that pdfsig, qpdf and OpenSSL all accept, Vietnamese names intact", async () => {
    const form = await buildFormPdf({ texts: ["15/UBND-VP", "ngày 05 tháng 12 năm 2026"] });
    const crl = buildCrl({
      issuer: authority.issuing,
      revoked: [],
      crlNumber: 1,
      nextUpdate: new Date(Date.now() + 86_400_000),
    });
    const signedByLeader = await signPdfPades({
      pdf: form.bytes,
      signer: signerOf(leader),
      authority,
      crls: [crl],
      signature: {
        fieldName: "LanhDaoKy",
        signerName: "Nguyễn Đức Thắng",
        reason: "Ký ban hành",
        location: "Phường Định Công",
        signingTime: new Date(),
        appearance: { images: [{ png: await signaturePng(), rect: [0, 0, 200, 90] }] },
      },
    });
    const sealed = await signPdfPades({
      pdf: signedByLeader,
      signer: signerOf(seal),
      authority,
      crls: [crl],
      signature: {
        fieldName: "DauCoQuan",
        signerName: "Ủy ban nhân dân phường Định Công",
        reason: "Đóng dấu, phát hành văn bản",
        location: "Phường Định Công",
        signingTime: new Date(),
        appearance: { images: [{ png: await sealPng(), rect: [0, 0, 110, 110] }] },
        fillTextFields: [
          {
            name: "SoKyHieu",
            value: "15/UBND-VP",
            encodedHex: form.encoded["15/UBND-VP"]!.hex,
            fontSize: TEXT_SIZE,
            width: form.encoded["15/UBND-VP"]!.width,
          },
          {
            name: "NgayBanHanh",
            value: "ngày 05 tháng 12 năm 2026",
            encodedHex: form.encoded["ngày 05 tháng 12 năm 2026"]!.hex,
            fontSize: TEXT_SIZE,
            width: form.encoded["ngày 05 tháng 12 năm 2026"]!.width,
          },
        ],
      },
    });
    expect(qpdfCheck(sealed).status).toBe(0);
    const report = pdfsig(sealed).stdout;
    expect(report.match(/Signature is Valid/g)).toHaveLength(2);
    expect(report).toContain("Nguyễn Đức Thắng");
    expect(report).toContain("Ủy ban nhân dân phường Định Công");

    const signatures = signaturesOf(sealed);
    expect(signatures).toHaveLength(2);
    for (const [i, { content, cms }] of signatures.entries()) {
      writeFileSync(at(`content${i}`), content);
      writeFileSync(at(`cms${i}.der`), cms);
      const verified = openssl([
        "cms",
        "-verify",
        "-binary",
        "-inform",
        "DER",
        "-in",
        at(`cms${i}.der`),
        "-content",
        at(`content${i}`),
        "-CAfile",
        at("root.pem"),
        "-purpose",
        "any",
        "-out",
        "/dev/null",
      ]);
      expect(verified.stderr).toContain("Verification successful");
      const printed = openssl([
        "cms",
        "-cmsout",
        "-print",
        "-inform",
        "DER",
        "-in",
        at(`cms${i}.der`),
      ]).stdout;
      expect(printed).not.toContain("signingTime");
      expect(printed).toContain("id-smime-aa-signingCertificateV2");

      const { token, signatureValue } = timestampOf(cms);
      writeFileSync(at(`token${i}.der`), token);
      writeFileSync(at(`sigvalue${i}`), signatureValue);
      const ts = openssl([
        "ts",
        "-verify",
        "-data",
        at(`sigvalue${i}`),
        "-in",
        at(`token${i}.der`),
        "-token_in",
        "-CAfile",
        at("root.pem"),
        "-untrusted",
        at("chain.pem"),
      ]);
      expect(ts.stdout + ts.stderr).toContain("Verification: OK");
    }
    // The DSS carries the chain, the TSA's certificate and the CRL, for checking offline later.
    const text = Buffer.from(sealed).toString("latin1");
    expect(text).toMatch(/\/DSS\s+\d+ 0 R|\/DSS\s*<</);
  });
});
