// What the file-level notes say about a revision after the last signature: validation data
// added (PAdES B-LT) is named as such; anything else stays an unsigned revision.
import { describe, expect, it } from "vitest";
import { addDss } from "../pdf/dss";
import { serializeDict, update } from "./fixtures/pdf-builder";
import { fixture, verify } from "./fixtures/test-kit";

const leader = fixture("openssl-pades-t.pdf");

describe("the last revision of a signed file", () => {
  it("is named for what it is when it only adds validation data", () => {
    const problems = (pdf: Buffer) => verify(pdf).problems.map((r) => r.code);
    const withDss = Buffer.from(
      addDss(leader, { certificates: [Buffer.from("a certificate")], crls: [] }),
    );
    expect(verify(withDss).signatures.map((s) => s.verdict)).toEqual(["valid"]);
    expect(problems(withDss)).toEqual(["file-validation-data-added"]);
    // Anything more after the signature is still an unsigned revision of unknown content.
    const changed = update(withDss, (view) => {
      const page = view.pages()[0]!;
      const d = view.dict(page);
      d.set("Rotate", { t: "num", v: 90, int: true });
      return [{ num: page, body: serializeDict(d) }];
    });
    expect(problems(changed)).toEqual(["file-last-revision-unsigned"]);
    expect(problems(leader)).toEqual([]);
  });
});
