import { describe, expect, it } from "vitest";
import { reason, signatureState } from "./reasons";

const signed = (verdict: string) => ({ verdict });

describe("signatureState", () => {
  it("reads a file without a check or without signatures as unsigned", () => {
    expect(signatureState(null)).toBe("none");
    expect(signatureState({ signatures: [], problems: [] })).toBe("none");
    expect(signatureState({ signatures: [], problems: [reason("file-no-signatures")] })).toBe(
      "none",
    );
  });

  it("keeps a file valid when its last revision only adds validation data after the signatures", () => {
    const check = {
      signatures: [signed("valid"), signed("valid")],
      problems: [reason("file-validation-data-added")],
    };
    expect(signatureState(check)).toBe("valid");
  });

  it("takes the worst of the signatures", () => {
    expect(
      signatureState({ signatures: [signed("valid"), signed("valid-untrusted")], problems: [] }),
    ).toBe("untrusted");
    expect(
      signatureState({ signatures: [signed("valid-untrusted"), signed("invalid")], problems: [] }),
    ).toBe("invalid");
  });

  it("reads a fatal problem of the file, or one with only problems, as invalid", () => {
    expect(
      signatureState({ signatures: [signed("valid")], problems: [reason("file-bytes-after-end")] }),
    ).toBe("invalid");
    expect(signatureState({ signatures: [], problems: [reason("file-unreadable")] })).toBe(
      "invalid",
    );
  });
});
