// The DSS is added, then extended: stored items are kept, new ones appended, repeats skipped;
// checked through qpdf's view of the file.
import { describe, expect, it } from "vitest";
import { addDss, dssRoom } from "./dss";
import { embedSignature, prepareSignature } from "./prepare-signature";
import { buildFormPdf } from "./testing/form-pdf";
import { qpdfCheck, qpdfJson } from "./testing/pdf-tools";

const item = (label: string) => Buffer.from(`DER bytes of ${label}`);

function dssOf(pdf: Uint8Array) {
  const objects = qpdfJson(pdf).qpdf[1];
  const value = (ref: unknown) => objects[`obj:${String(ref)}`]?.value as Record<string, unknown>;
  const catalog = value((objects.trailer!.value as Record<string, unknown>)["/Root"]);
  const dss = value(catalog["/DSS"]);
  const data = (key: string) =>
    ((dss[key] as string[] | undefined) ?? []).map((ref) =>
      Buffer.from(objects[`obj:${ref}`]!.stream!.data!, "base64").toString(),
    );
  return { catalog, refs: dss, certs: data("/Certs"), crls: data("/CRLs"), ocsps: data("/OCSPs") };
}

describe("the Document Security Store", () => {
  it("is created in the catalog, then extended without repeating what it holds", async () => {
    const { bytes } = await buildFormPdf({ texts: [] });
    const first = addDss(bytes, {
      certificates: [item("leader"), item("ca")],
      crls: [item("crl")],
    });
    expect(qpdfCheck(first).status).toBe(0);
    const created = dssOf(first);
    expect(created.certs).toEqual(["DER bytes of leader", "DER bytes of ca"]);
    expect(created.crls).toEqual(["DER bytes of crl"]);
    expect(created.refs["/OCSPs"]).toBeUndefined();

    const second = addDss(first, {
      certificates: [item("ca"), item("seal"), item("seal")],
      crls: [item("crl")],
      ocsps: [item("ocsp")],
    });
    expect(Buffer.compare(second.subarray(0, first.length), first)).toBe(0);
    expect(qpdfCheck(second).status).toBe(0);
    const extended = dssOf(second);
    expect(extended.certs).toEqual(["DER bytes of leader", "DER bytes of ca", "DER bytes of seal"]);
    expect(extended.crls).toEqual(["DER bytes of crl"]);
    expect(extended.ocsps).toEqual(["DER bytes of ocsp"]);
    // The stored streams are the same objects, the catalog is not rewritten a second time.
    expect((extended.refs["/Certs"] as string[]).slice(0, 2)).toEqual(created.refs["/Certs"]);
    const update = Buffer.from(second.subarray(first.length)).toString("latin1");
    expect(update).not.toContain("/Type /Catalog");
  });

  it("returns the file unchanged when it already holds everything", async () => {
    const { bytes } = await buildFormPdf({ texts: [] });
    const withDss = addDss(bytes, { certificates: [item("ca")], crls: [] });
    expect(addDss(withDss, { certificates: [item("ca")], crls: [] })).toBe(withDss);
  });

  it("goes into the room left after a prepared signature, never over a file returned before", async () => {
    const { bytes } = await buildFormPdf({ texts: [] });
    const contents = { certificates: [item("leader"), item("ca")], crls: [item("crl")] };
    const prepared = await prepareSignature(bytes, {
      fieldName: "LanhDaoKy",
      signerName: "Nguyễn Đức Thắng",
      reason: "Ký ban hành",
      location: "Định Công",
      signingTime: new Date("2026-03-05T02:00:00Z"),
      reservedBytes: 64,
      roomAfter: dssRoom(contents),
    });
    const signed = embedSignature(prepared, Buffer.from("3003020101", "hex"));
    const signedCopy = Buffer.from(signed);

    const withDss = addDss(signed, contents);
    // Written after the signed bytes where they lie: the file was not copied a second time.
    expect(withDss.buffer).toBe(signed.buffer);
    expect(withDss.byteOffset).toBe(signed.byteOffset);
    expect(Buffer.compare(withDss.subarray(0, signed.length), signedCopy)).toBe(0);
    expect(qpdfCheck(withDss).status).toBe(0);
    expect(dssOf(withDss).certs).toEqual(["DER bytes of leader", "DER bytes of ca"]);

    // The same signed file again: the room after it is the first result's, so this one copies.
    const other = addDss(signed, { certificates: [item("seal")], crls: [] });
    expect(other.buffer).not.toBe(signed.buffer);
    expect(Buffer.compare(signed, signedCopy)).toBe(0);
    expect(dssOf(withDss).certs).toEqual(["DER bytes of leader", "DER bytes of ca"]);
    expect(dssOf(other).certs).toEqual(["DER bytes of seal"]);
    expect(qpdfCheck(other).status).toBe(0);
  });
});
