// The leader signs, then the number and date are filled and the organisation's seal signs, then
// the DSS is added: each step an incremental update, checked with pdfsig, qpdf, openssl,
// pdftotext and pdftoppm rather than with our own reader.
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDss } from "./dss";
import { embedSignature, prepareSignature, signPdfField } from "./prepare-signature";
import { buildFormPdf, FIELD_BOXES, type Box, type FormPdf } from "./testing/form-pdf";
import {
  opensslCmsVerify,
  pdfsig,
  pdftotext,
  qpdfCheck,
  qpdfJson,
  renderFirstPage,
} from "./testing/pdf-tools";
import { cmsFromDigest, cmsWithOpenssl } from "./testing/test-cms";
import { sealPng, signaturePng } from "./testing/test-images";
import { createTestPki, LEADER_NAME, ORGANISATION, type TestPki } from "./testing/test-pki";

const NUMBER = "125/QĐ-UBND";
const DATE = "Định Công, ngày 05 tháng 3 năm 2026";

type Signature = { byteRange: number[]; contentsHex: string };

/** Every signature in the file, found by scanning its text, not through our reader. */
function signaturesIn(pdf: Uint8Array): Signature[] {
  const text = Buffer.from(pdf).toString("latin1");
  const found: Signature[] = [];
  for (const match of text.matchAll(/\/ByteRange \[([\d ]+)\]\s*\/Contents <([0-9a-fA-F]*)>/g)) {
    found.push({ byteRange: match[1]!.trim().split(/ +/).map(Number), contentsHex: match[2]! });
  }
  return found;
}

/** The DER inside a zero-padded /Contents, cut at the length its outer header gives. */
function cmsOf(signature: Signature): Buffer {
  const bytes = Buffer.from(signature.contentsHex, "hex");
  const lengthOfLength = bytes[1]! & 0x7f;
  let length = 0;
  for (let i = 0; i < lengthOfLength; i++) length = length * 256 + bytes[2 + i]!;
  return bytes.subarray(0, 2 + lengthOfLength + length);
}

const signedContent = (pdf: Uint8Array, [s1, l1, s2, l2]: number[]) =>
  Buffer.concat([pdf.subarray(s1!, s1! + l1!), pdf.subarray(s2!, s2! + l2!)]);

function pdfsigBlocks(output: string): string[] {
  return output.split(/^Signature #\d+:$/m).slice(1);
}

describe("signing both signature fields by incremental updates", () => {
  let pki: TestPki;
  let form: FormPdf;
  let leaderSigned: Uint8Array;
  let leaderDigest: Buffer;
  let sealed: Uint8Array;
  let withDss: Uint8Array;

  beforeAll(async () => {
    pki = createTestPki();
    form = await buildFormPdf({ texts: [NUMBER, DATE] });
    const original = Buffer.from(form.bytes);

    const prepared = await prepareSignature(form.bytes, {
      fieldName: "LanhDaoKy",
      signerName: LEADER_NAME,
      reason: "Phê duyệt ban hành văn bản",
      location: "Phường Định Công, Hà Nội",
      signingTime: new Date("2026-03-05T02:15:30Z"),
      appearance: { images: [{ png: await signaturePng(), rect: [0, 0, 200, 90] }] },
    });
    leaderDigest = prepared.digest;
    const content = signedContent(prepared.pdf, prepared.byteRange);
    leaderSigned = embedSignature(prepared, cmsWithOpenssl(pki.leader, pki.caPath, content));
    expect(Buffer.from(form.bytes).equals(original)).toBe(true);

    sealed = await signPdfField(leaderSigned, {
      fieldName: "DauCoQuan",
      signerName: ORGANISATION,
      reason: "Đóng dấu phát hành",
      location: "Phường Định Công, Hà Nội",
      contactInfo: "vanthu@dinhcong.hanoi.gov.vn",
      signingTime: new Date("2026-03-05T03:00:00Z"),
      appearance: { images: [{ png: await sealPng(), rect: [0, 0, 110, 110] }] },
      fillTextFields: [
        { name: "SoKyHieu", value: NUMBER, ...encodedOf(form, NUMBER) },
        { name: "NgayBanHanh", value: DATE, ...encodedOf(form, DATE) },
      ],
      sign: async (digest) => cmsFromDigest(pki.seal, [pki.caDer], digest),
    });

    withDss = addDss(sealed, {
      certificates: [pki.leader.certDer, pki.seal.certDer, pki.caDer],
      crls: [pki.crlDer],
    });
  }, 60_000);

  afterAll(() => pki?.remove());

  it("keeps every earlier revision as a byte-for-byte prefix", () => {
    for (const [before, after] of [
      [form.bytes, leaderSigned],
      [leaderSigned, sealed],
      [sealed, withDss],
    ] as const) {
      expect(after.length).toBeGreaterThan(before.length);
      expect(Buffer.compare(after.subarray(0, before.length), before)).toBe(0);
    }
  });

  it("gives each signature a [0 a b c] range whose gap is exactly the Contents hex and which ends its revision", () => {
    const [leader, seal] = signaturesIn(withDss);
    for (const [signature, revision] of [
      [leader!, leaderSigned],
      [seal!, sealed],
    ] as const) {
      const [zero, a, b, c] = signature.byteRange;
      expect(zero).toBe(0);
      expect(String.fromCharCode(revision[a!]!)).toBe("<");
      expect(String.fromCharCode(revision[b! - 1]!)).toBe(">");
      expect(b! - a!).toBe(signature.contentsHex.length + 2);
      expect(b! + c!).toBe(revision.length);
      expect(Buffer.from(revision.subarray(-7)).toString("latin1")).toBe("\n%%EOF\n");
    }
  });

  it("returns the SHA-256 of the two ranges as the digest", () => {
    const [leader] = signaturesIn(leaderSigned);
    const expected = createHash("sha256")
      .update(signedContent(leaderSigned, leader!.byteRange))
      .digest();
    expect(leaderDigest.equals(expected)).toBe(true);
  });

  it("passes qpdf --check after each step", () => {
    for (const pdf of [form.bytes, leaderSigned, sealed, withDss]) {
      const check = qpdfCheck(pdf);
      expect(check.stderr).toBe("");
      expect(check.stdout).toContain("No syntax or stream encoding errors found");
      expect(check.status).toBe(0);
    }
  });

  it("has pdfsig call both signatures valid, with the signers' Vietnamese names, only the last covering the whole file", () => {
    const output = pdfsig(sealed).stdout;
    console.log(output);
    const [leader, seal] = pdfsigBlocks(output);
    expect(pdfsigBlocks(output)).toHaveLength(2);
    expect(leader).toContain(`Signer Certificate Common Name: ${LEADER_NAME}`);
    expect(leader).toContain("Signature Type: ETSI.CAdES.detached");
    expect(leader).toContain("Signature Validation: Signature is Valid.");
    expect(leader).toContain("Not total document signed");
    expect(seal).toContain(`Signer Certificate Common Name: ${ORGANISATION}`);
    expect(seal).toContain("Signature Validation: Signature is Valid.");
    expect(seal).toMatch(/- Total document signed/);
    expect(seal).toContain("Signing Time: Mar 05 2026 10:00:00");
  });

  it("keeps both signatures valid after the DSS, neither now covering the whole file", () => {
    const output = pdfsig(withDss).stdout;
    console.log(output);
    const blocks = pdfsigBlocks(output);
    expect(blocks).toHaveLength(2);
    for (const block of blocks) {
      expect(block).toContain("Signature Validation: Signature is Valid.");
      expect(block).toContain("Not total document signed");
    }
  });

  it("has openssl verify each CMS over its byte range against the test CA", () => {
    const signatures = signaturesIn(withDss);
    expect(signatures).toHaveLength(2);
    for (const signature of signatures) {
      const result = opensslCmsVerify(
        cmsOf(signature),
        signedContent(withDss, signature.byteRange),
        pki.caPath,
      );
      expect(result.stderr).toContain("CMS Verification successful");
    }
  });

  it("writes the signer's name, reason and time into the signature dictionaries", () => {
    const text = Buffer.from(withDss).toString("latin1");
    const utf16 = (s: string) =>
      `<FEFF${Buffer.from(s, "utf16le").swap16().toString("hex").toUpperCase()}>`;
    expect(text).toContain(`/Name ${utf16(LEADER_NAME)}`);
    expect(text).toContain(`/Reason ${utf16("Phê duyệt ban hành văn bản")}`);
    expect(text).toContain("/M (D:20260305091530+07'00')");
    expect(text).toContain("/ContactInfo (vanthu@dinhcong.hanoi.gov.vn)");
  });

  it("stores the filled values in /V as UTF-16 text", () => {
    const objects = qpdfJson(sealed).qpdf[1];
    const values = Object.values(objects).map((o) => (o.value ?? {}) as Record<string, unknown>);
    const valueOf = (name: string) => values.find((v) => v["/T"] === `u:${name}`)?.["/V"];
    expect(valueOf("SoKyHieu")).toBe(`u:${NUMBER}`);
    expect(valueOf("NgayBanHanh")).toBe(`u:${DATE}`);
    expect(Buffer.from(sealed).toString("latin1")).toContain(
      `/V <FEFF${Buffer.from(NUMBER, "utf16le").swap16().toString("hex").toUpperCase()}>`,
    );
  });

  it("shows the filled number and date as text", () => {
    expect(pdftotext(form.bytes)).not.toContain(NUMBER);
    const text = pdftotext(sealed);
    expect(text).toContain(NUMBER);
    expect(text).toContain(DATE);
  });

  it("stores the certificates and the CRL in /DSS, the catalog otherwise unchanged", () => {
    const objects = qpdfJson(withDss).qpdf[1];
    const value = (key: string) => objects[key]?.value as Record<string, unknown>;
    const trailer = value("trailer");
    const catalog = value(`obj:${String(trailer["/Root"])}`);
    const before = qpdfJson(sealed).qpdf[1];
    const catalogBefore = before[`obj:${String(trailer["/Root"])}`]?.value as object;
    const { "/DSS": dssRef, ...rest } = catalog;
    expect(rest).toEqual(catalogBefore);

    const dss = value(`obj:${String(dssRef)}`);
    const streamData = (ref: string) => Buffer.from(objects[`obj:${ref}`]!.stream!.data!, "base64");
    const certs = (dss["/Certs"] as string[]).map(streamData);
    const crls = (dss["/CRLs"] as string[]).map(streamData);
    expect(certs).toEqual([pki.leader.certDer, pki.seal.certDer, pki.caDer]);
    expect(crls).toEqual([pki.crlDer]);
  });

  it("draws the blue signature and, over its left third, the red seal", async () => {
    const dpi = 100;
    const png = renderFirstPage(withDss, dpi);
    const file = path.join(tmpdir(), "pades-signed-page.png");
    writeFileSync(file, png);
    console.log(`Rendered page: ${file}`);
    const { data, info } = await sharp(png)
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => {
      const px = Math.round((x * dpi) / 72);
      const py = Math.round(((form.pageHeight - y) * dpi) / 72);
      const at = (py * info.width + px) * info.channels;
      return { r: data[at]!, g: data[at + 1]!, b: data[at + 2]! };
    };
    const inBox = ([x, y, w, h]: Box, fx: number, fy: number) => pixel(x + w * fx, y + h * fy);

    // The straight stroke across the signature's middle, right of the seal.
    const ink = inBox(FIELD_BOXES.LanhDaoKy, 0.8, 0.5);
    expect(ink.b).toBeGreaterThan(140);
    expect(ink.r).toBeLessThan(90);
    // The seal's star, on top of that same stroke, within the signature's left third.
    const [lx, , lw] = FIELD_BOXES.LanhDaoKy;
    const [sx, sy, sw, sh] = FIELD_BOXES.DauCoQuan;
    expect(sx + sw / 2).toBeGreaterThan(lx);
    expect(sx + sw / 2).toBeLessThan(lx + lw / 3);
    const seal = pixel(sx + sw / 2, sy + sh / 2);
    expect(seal.r).toBeGreaterThan(150);
    expect(seal.g).toBeLessThan(90);
    expect(seal.b).toBeLessThan(90);
    // Transparent parts let the white page through.
    const paper = inBox(FIELD_BOXES.LanhDaoKy, 0.97, 0.95);
    expect(Math.min(paper.r, paper.g, paper.b)).toBeGreaterThan(235);
  });
});

function encodedOf(form: FormPdf, text: string) {
  const encoded = form.encoded[text]!;
  return { encodedHex: encoded.hex, width: encoded.width };
}
