// Reading PDFs the way the verifier needs: objects with their offsets, revisions from %%EOF
// markers, classic and stream cross-references, object streams and linearized files.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { children, content, readDer } from "./der";
import { signPdf } from "./fixtures/pdf-builder";
import { fixture, signedBy, verify } from "./fixtures/test-kit";
import { PdfFile } from "./pdf-file";
import { describeStructure } from "./pdf-structure";
import { decodeTextString, parsePdfDate, PdfParser } from "./pdf-syntax";

const parse = (text: string) => new PdfParser(Buffer.from(text, "latin1")).readObject();

describe("PDF syntax", () => {
  it("reads strings, names, references and nested containers", () => {
    const value = parse(
      "<</A (a\\(b\\)c\\101\\\nd) /B#20C <48 65 6C6C 6F> /R 12 0 R /N [1 -2.5 .5 true null]>>",
    );
    expect(value.t).toBe("dict");
    if (value.t !== "dict") return;
    const a = value.v.get("A");
    expect(a?.t === "str" && a.v.toString("latin1")).toBe("a(b)cAd");
    const b = value.v.get("B C");
    expect(b?.t === "str" && b.hex && b.v.toString("latin1")).toBe("Hello");
    expect(value.v.get("R")).toEqual({ t: "ref", num: 12, gen: 0 });
    const n = value.v.get("N");
    expect(n?.t === "array" && n.v.map((x) => x.t)).toEqual(["num", "num", "num", "bool", "null"]);
  });

  it("keeps the file offsets of a hex string, from < to > inclusive", () => {
    const text = "<</Contents <0a0b>>>";
    const value = parse(text);
    const c = value.t === "dict" ? value.v.get("Contents") : undefined;
    expect(c?.t === "str" && text.slice(c.start, c.end)).toBe("<0a0b>");
  });

  it("decodes text strings and dates", () => {
    expect(decodeTextString(Buffer.from("feff004e0067007500791ec5006e", "hex"))).toBe("Nguyễn");
    expect(parsePdfDate("D:20250301083000+07'00'")?.toISOString()).toBe("2025-03-01T01:30:00.000Z");
    expect(parsePdfDate("D:20250301")?.toISOString()).toBe("2025-03-01T00:00:00.000Z");
    expect(parsePdfDate("yesterday")).toBeNull();
  });
});

describe("DER", () => {
  it("accepts indefinite lengths on constructed nodes", () => {
    const node = readDer(Buffer.from("3080020101040141" + "0000", "hex"));
    expect(children(node).map((c) => content(c).toString("hex"))).toEqual(["01", "41"]);
    expect(node.end).toBe(10);
  });
});

describe("revisions and cross-references", () => {
  it("finds each incremental update as a revision ending after its %%EOF", () => {
    const pdf = fixture("openssl-two-dss.pdf");
    const file = new PdfFile(pdf);
    expect(file.revisions).toHaveLength(3);
    expect(file.last!.end).toBe(pdf.length);
    for (const r of file.revisions)
      expect(pdf.toString("latin1", r.end - 6, r.end)).toBe("%%EOF\n");
  });

  it("reads objects inside object streams through a cross-reference stream", () => {
    const file = new PdfFile(fixture("base-objstm.pdf"));
    expect(file.revisions).toHaveLength(1);
    const fields = describeStructure(file, file.last!).fields.map((f) => f.name);
    expect(fields).toEqual(["ChuKyLanhDao"]);
  });

  it("reads a linearized file (qpdf) as one revision, and a signature added to it verifies", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "linearized-"));
    try {
      const out = path.join(dir, "linearized.pdf");
      execFileSync("qpdf", [
        "--linearize",
        path.join(import.meta.dirname, "fixtures/base.pdf"),
        out,
      ]);
      const pdf = readFileSync(out);
      expect(new PdfFile(pdf).revisions).toHaveLength(1);
      const signed = signPdf(pdf, {
        field: "KyTuyenTinh",
        subFilter: "ETSI.CAdES.detached",
        time: new Date("2025-06-01T00:00:00Z"),
        sign: signedBy("an"),
      });
      const result = verify(signed);
      expect(result.revisions).toBe(2);
      expect(result.signatures.map((s) => s.verdict)).toEqual(["valid"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
