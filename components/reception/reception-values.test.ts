import { describe, expect, it } from "vitest";
import { receiveDocumentInput } from "@/lib/schemas/incoming";
import { vietnamToday } from "@/lib/dates";
import {
  duplicateQueryOf,
  emptyReception,
  receptionErrors,
  toReceiveInput,
  type ReceptionValues,
} from "./reception-values";

const ORG = "6f1c2d3e-4a5b-4c6d-8e7f-901234567890";
const SHA = "a".repeat(64);
const filled: ReceptionValues = {
  ...emptyReception,
  issuerName: "Ủy ban nhân dân quận Hoàng Mai",
  issuerOrganisationId: ORG,
  codeNumber: "15",
  codeNotation: "QĐ-UBND",
  documentDate: "2026-01-05",
  documentType: "quyet_dinh",
  subject: "Về việc phê duyệt kế hoạch chuyển đổi số",
};
const files = [{ sha256: SHA, fileName: "quyet-dinh.pdf", kind: "main" as const }];
const extra = { files, pageCount: 3, acknowledgeDuplicate: false };
const key = (k: string) => k;

describe("toReceiveInput", () => {
  it("sends an organisation picked from the list by its id, not by the name it shows", () => {
    const input = receiveDocumentInput.parse(toReceiveInput(filled, extra));
    expect(input).toMatchObject({ issuerOrganisationId: ORG, issuerName: null, pageCount: 3 });
  });

  it("sends an outside body by the name typed", () => {
    const outside = { ...filled, issuerOrganisationId: null, issuerName: "Công ty Điện lực" };
    const input = receiveDocumentInput.parse(toReceiveInput(outside, extra));
    expect(input).toMatchObject({ issuerOrganisationId: null, issuerName: "Công ty Điện lực" });
  });

  it("leaves empty optional fields empty for the server", () => {
    const input = receiveDocumentInput.parse(
      toReceiveInput({ ...filled, codeNumber: "", signerName: " " }, { ...extra, pageCount: null }),
    );
    expect(input).toMatchObject({ codeNumber: null, signerName: null, pageCount: null });
  });
});

describe("duplicateQueryOf", () => {
  it("waits for the issuer, the date, and a number or notation", () => {
    expect(duplicateQueryOf({ ...filled, documentDate: null })).toBeNull();
    expect(duplicateQueryOf({ ...filled, issuerName: " " })).toBeNull();
    expect(duplicateQueryOf({ ...filled, codeNumber: "", codeNotation: "" })).toBeNull();
    expect(duplicateQueryOf({ ...filled, codeNumber: "" })).toMatchObject({
      codeNumber: null,
      codeNotation: "QĐ-UBND",
      issuerOrganisationId: ORG,
      issuerName: null,
    });
  });
});

describe("receptionErrors", () => {
  it("names every missing required field", () => {
    expect(Object.keys(receptionErrors(emptyReception, key)).sort()).toEqual([
      "documentDate",
      "documentType",
      "issuerName",
      "subject",
    ]);
    expect(receptionErrors(filled, key)).toEqual({});
  });

  it("applies the server's date rules", () => {
    const [y, m, d] = vietnamToday().split("-").map(Number);
    const tomorrow = new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
    expect(receptionErrors({ ...filled, documentDate: tomorrow }, key)).toEqual({
      documentDate: "reception.documentDateInFuture",
    });
    expect(receptionErrors({ ...filled, deadline: "2020-01-01" }, key)).toEqual({
      deadline: "reception.deadlinePast",
    });
  });
});
