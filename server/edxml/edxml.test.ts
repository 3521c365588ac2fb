import { spawnSync } from "node:child_process";
import { zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestPki, scratchFolder, type TestPki } from "../signing/pki/test-support";
import { buildDocumentPackage, buildStatusPackage, type PackageSigner } from "./build";
import type { EdxmlAttachment, EdxmlDocumentFields } from "./model";
import { parseEdxml, type EdxmlParsed } from "./parse";

let pki: TestPki;
let signer: PackageSigner;

beforeAll(async () => {
  pki = await createTestPki();
  signer = {
    key: pki.seal.privateKey,
    certificates: [pki.seal.certificate, pki.issuing.certificate, pki.root.certificate],
  };
}, 60_000);

const fields: EdxmlDocumentFields = {
  DocumentId: "000.10.28.H26,2026/12/06,05/UBND-KT",
  From: {
    OrganId: "000.10.28.H26",
    OrganName: "Ủy ban nhân dân phường Định Công",
    OrganAdd: "Số 1 phố Định Công, Hoàng Mai, Hà Nội",
    Email: "vanthu.dinhcong@hanoi.gov.vn",
  },
  To: [
    { OrganId: "000.00.28.H26", OrganName: "Ủy ban nhân dân quận Hoàng Mai" },
    { OrganId: "000.11.28.H26", OrganName: "Ủy ban nhân dân phường Hoàng Liệt" },
  ],
  CodeNumber: "05",
  CodeNotation: "UBND-KT",
  Place: "Định Công",
  PromulgationDate: "2026/12/06",
  Type: "1",
  TypeName: "Công văn",
  Subject: "V/v rà soát hộ nghèo, hộ cận nghèo năm 2026 — «đợt 2» & bổ sung <khẩn>",
  Content: "Đề nghị các đơn vị phối hợp.",
  SignerInfo: { Competence: "TM.", Position: "Chủ tịch", FullName: "Nguyễn Đức Thắng" },
  DueDate: "2026/12/20",
  ToPlaces: ["Như trên", "Lưu: VT, KT"],
  Priority: "1",
  PageAmount: "2",
  Appendixes: ["Danh sách hộ nghèo"],
  ResponseFor: {
    OrganId: "000.00.28.H26",
    Code: "120/UBND-VP",
    PromulgationDate: "2026/11/30",
    DocumentId: "000.00.28.H26,2026/11/30,120/UBND-VP",
  },
  SteeringType: "1",
  BussinessDocType: "0",
  BussinessDocReason: "Văn bản mới",
  StaffInfo: { Department: "Văn phòng", Staff: "Phạm Thị Thu" },
  TraceHeaders: [{ OrganId: "000.10.28.H26", Timestamp: "2026/12/06 09:30:00" }],
};

const pdf = Buffer.from("%PDF-1.7\n% Liên Thông\n1 0 obj <<>> endobj\n%%EOF\n", "latin1");
const attachments: EdxmlAttachment[] = [
  {
    ContentId: "cid:1",
    AttachmentName: "05-UBND-KT.pdf",
    ContentType: "application/pdf",
    bytes: pdf,
  },
];

const refusal = (parsed: EdxmlParsed) => (parsed.ok ? null : parsed.error.key);
const warningKeys = (parsed: EdxmlParsed) => parsed.warnings.map((w) => w.key);

describe("edXML packages", () => {
  it("round-trips a signed document with every field and the attachment intact", () => {
    const xml = buildDocumentPackage(fields, attachments, signer);
    expect(xml).toContain('xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"');
    const parsed = parseEdxml(Buffer.from(xml));
    if (!parsed.ok || parsed.kind !== "document") throw new Error(JSON.stringify(parsed));
    expect(parsed.fields).toEqual(fields);
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]!.bytes.equals(pdf)).toBe(true);
    expect(parsed.signature).toMatchObject({ present: true, valid: true });
    expect(parsed.signature.signer).toContain("Định Công");
    expect(parsed.warnings).toEqual([]);
  });

  it("round-trips a status message", () => {
    const status = {
      ResponseFor: {
        OrganId: "000.10.28.H26",
        Code: "05/UBND-KT",
        PromulgationDate: "2026/12/06",
        DocumentId: fields.DocumentId,
      },
      From: { OrganId: "000.11.28.H26", OrganName: "Ủy ban nhân dân phường Hoàng Liệt" },
      StatusCode: "03",
      Description: "Đã vào sổ, số đến 12",
      Timestamp: "2026/12/06 10:00:00",
      StaffInfo: { Staff: "Trương Thị Huyền" },
    };
    const parsed = parseEdxml(Buffer.from(buildStatusPackage(status, signer)));
    if (!parsed.ok || parsed.kind !== "status") throw new Error(JSON.stringify(parsed));
    expect(parsed.fields).toEqual(status);
    expect(parsed.signature.valid).toBe(true);
  });

  it("refuses what is not well-formed, another namespace, no header, bad base64 and a changed package", () => {
    const xml = buildDocumentPackage(fields, attachments, signer);
    expect(refusal(parseEdxml(Buffer.from(xml.slice(0, xml.length - 40))))).toBe(
      "edxml.notWellFormed",
    );
    expect(refusal(parseEdxml(Buffer.from(`junk${xml}`)))).toBe("edxml.notWellFormed");
    expect(
      refusal(
        parseEdxml(
          Buffer.from(xml.replaceAll("http://www.mic.gov.vn/TBT/QCVN_102_2016", "urn:other")),
        ),
      ),
    ).toBe("edxml.wrongNamespace");
    const noHeader = `<edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXML:edXMLBody/></edXML:edXMLEnvelope>`;
    expect(refusal(parseEdxml(Buffer.from(noHeader)))).toBe("edxml.missingHeader");
    const encoded = pdf.toString("base64");
    expect(refusal(parseEdxml(Buffer.from(xml.replace(encoded, `${encoded}!!`))))).toBe(
      "edxml.badBase64",
    );
    // The subject changed after signing: the signature no longer matches.
    expect(refusal(parseEdxml(Buffer.from(xml.replace("đợt 2", "đợt 3"))))).toBe(
      "edxml.signatureMismatch",
    );
    // So is an attachment swapped for another file.
    const other = Buffer.from("%PDF-1.7\n% khác\n%%EOF\n").toString("base64");
    expect(refusal(parseEdxml(Buffer.from(xml.replace(encoded, other))))).toBe(
      "edxml.signatureMismatch",
    );
  });

  it("accepts untidy packages from other systems and says what could not be checked", () => {
    const zipped = Buffer.from(
      zipSync({ "van-ban.pdf": new Uint8Array(pdf), "phu-luc.pdf": new Uint8Array(pdf) }),
    );
    const untidy = `<?xml version="1.0" encoding="UTF-8"?>
<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">
  <edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
    <edXML:edXMLHeader>
      <edXML:MessageHeader>
        <edXML:From><edXML:OrganId>28.22.H17</edXML:OrganId><edXML:OrganName>UBND xã Hòa Sơn</edXML:OrganName></edXML:From>
        <edXML:To><edXML:OrganId>000.10.28.H26</edXML:OrganId></edXML:To>
        <edXML:To><edXML:OrganId>000.11.28.H26</edXML:OrganId></edXML:To>
        <edXML:Code><edXML:CodeNumber>74fass22</edXML:CodeNumber><edXML:CodeNotation>UBND-VP</edXML:CodeNotation></edXML:Code>
        <edXML:PromulgationInfo><edXML:PromulgationDate>2026/02/30</edXML:PromulgationDate></edXML:PromulgationInfo>
        <edXML:Subject>V/v kết nối liên thông</edXML:Subject>
      </edXML:MessageHeader>
      <Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedInfo/><SignatureValue>AAAA</SignatureValue></Signature>
    </edXML:edXMLHeader>
    <edXML:edXMLBody><edXML:edXMLManifest version="1.0"><edXML:Reference><edXML:ContentId>cid:9</edXML:ContentId></edXML:Reference></edXML:edXMLManifest></edXML:edXMLBody>
  </edXML:edXMLEnvelope>
  <AttachmentEncoded>
    <Attachment>
      <ContentId>cid:9</ContentId>
      <AttachmentName>ho-so.zip</AttachmentName>
      <ContentType>application/zip</ContentType>
      <edXML:ContentTransferEncoded xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">${zipped.toString("base64")}</edXML:ContentTransferEncoded>
    </Attachment>
  </AttachmentEncoded>
</edXML>`;
    const parsed = parseEdxml(Buffer.from(untidy));
    if (!parsed.ok || parsed.kind !== "document") throw new Error(JSON.stringify(parsed));
    expect(parsed.fields).toMatchObject({
      CodeNumber: "74fass22",
      To: [{ OrganId: "000.10.28.H26" }, { OrganId: "000.11.28.H26" }],
    });
    expect(parsed.attachments.map((a) => a.AttachmentName).sort()).toEqual([
      "phu-luc.pdf",
      "van-ban.pdf",
    ]);
    expect(parsed.signature).toMatchObject({ present: true, valid: null });
    expect(warningKeys(parsed)).toEqual(
      expect.arrayContaining([
        "edxml.organIdPattern",
        "edxml.numberNotNumeric",
        "edxml.dateUnreadable",
        "edxml.fieldAbsent",
        "edxml.unzipped",
        "edxml.signatureUncheckable",
      ]),
    );
  });

  it("prints one JSON line per file from the command line", () => {
    const scratch = scratchFolder();
    const good = scratch.file("good.xml", buildDocumentPackage(fields, attachments, signer));
    const bad = scratch.file("bad.xml", "<edXML:Status xmlns:edXML='urn:nope'/>");
    const run = spawnSync("npx", ["tsx", "scripts/edxml-check.ts", good, bad], {
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({
      file: good,
      ok: true,
      kind: "document",
      fields: { DocumentId: fields.DocumentId, Subject: fields.Subject, CodeNumber: "05" },
      signature: { present: true, valid: true },
      warnings: [],
      error: null,
    });
    expect(lines[1]).toMatchObject({ file: bad, ok: false });
    expect(lines[1].error).toMatch(/namespace/);
  }, 60_000);
});
