import { describe, expect, it } from "vitest";
import { subjectLine } from "./outgoing";

describe("the subject line of an outgoing document", () => {
  it("puts V/v before a công văn's subject once, whether or not its writer typed it", () => {
    expect(subjectLine("cong_van", "phối hợp rà soát hộ nghèo")).toBe(
      "V/v phối hợp rà soát hộ nghèo",
    );
    expect(subjectLine("cong_van", "V/v phối hợp rà soát")).toBe("V/v phối hợp rà soát");
    expect(subjectLine("cong_van", "  v/v. phối hợp rà soát")).toBe("V/v phối hợp rà soát");
  });

  it("leaves other types and words that merely start alike as written", () => {
    expect(subjectLine("quyet_dinh", "V/v thành lập tổ công tác")).toBe(
      "V/v thành lập tổ công tác",
    );
    expect(subjectLine("cong_van", "V/vận động ủng hộ")).toBe("V/v V/vận động ủng hộ");
  });
});
