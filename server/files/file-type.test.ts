import { describe, expect, it } from "vitest";
import { cleanFileName, detectFileType, FILE_NAME_MAX } from "./file-type";

const bytes = (hex: string) => Buffer.from(hex, "hex");
const PDF = Buffer.from("%PDF-1.7\n");
const ZIP = bytes("504b030414000600");
const OLE = bytes("d0cf11e0a1b11ae1");
const PNG = bytes("89504e470d0a1a0a");
const JPG = bytes("ffd8ffe000104a46");

describe("detectFileType", () => {
  it("decides by content and requires the extension to agree", () => {
    expect(detectFileType(ZIP, "Báo cáo.docx")).toMatchObject({ ok: true, isPdf: false });
    expect(detectFileType(ZIP, "so-lieu.XLSX")).toMatchObject({
      ok: true,
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    expect(detectFileType(OLE, "to-trinh.doc")).toMatchObject({ mimeType: "application/msword" });
    expect(detectFileType(JPG, "anh.jpeg")).toMatchObject({ mimeType: "image/jpeg" });
    expect(detectFileType(PNG, "anh.jpg")).toEqual({ ok: false, key: "files.typeNotAllowed" });
    expect(detectFileType(ZIP, "tro-choi.jar")).toEqual({ ok: false, key: "files.typeNotAllowed" });
    expect(detectFileType(Buffer.from("MZ"), "setup.exe")).toEqual({
      ok: false,
      key: "files.typeNotAllowed",
    });
  });

  it("accepts a PDF whatever its name and adds the extension it lacks", () => {
    expect(detectFileType(PDF, "Quyết định.pdf")).toEqual({
      ok: true,
      mimeType: "application/pdf",
      isPdf: true,
      fileName: "Quyết định.pdf",
    });
    expect(detectFileType(PDF, "van-ban")).toMatchObject({ fileName: "van-ban.pdf" });
  });

  it("calls something that claims to be a PDF but is not one a broken PDF", () => {
    expect(detectFileType(Buffer.from("Kính gửi"), "a.pdf")).toEqual({
      ok: false,
      key: "files.brokenPdf",
    });
    expect(detectFileType(PNG, "a", "application/pdf; charset=binary")).toEqual({
      ok: false,
      key: "files.brokenPdf",
    });
  });
});

describe("cleanFileName", () => {
  it("keeps the last path segment, composed, without control characters", () => {
    expect(cleanFileName("C:\\Users\\thu\\Quyết định.pdf")).toBe("Quyết định.pdf");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("Quye\u0302\u0301t  \u0111i\u0323nh\u0000.pdf")).toBe("Quyết định.pdf");
    expect(cleanFileName("  ")).toBeNull();
    expect(cleanFileName("a/..")).toBeNull();
  });

  it("shortens a long name to the limit and keeps its extension", () => {
    const name = cleanFileName(`${"Báo cáo tổng hợp ".repeat(30)}.xlsx`)!;
    expect(name.length).toBeLessThanOrEqual(FILE_NAME_MAX);
    expect(name.endsWith(".xlsx")).toBe(true);
  });
});
