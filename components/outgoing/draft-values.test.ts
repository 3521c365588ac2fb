import { describe, expect, it } from "vitest";
import { draftInput } from "@/lib/schemas/outgoing";
import {
  collectiveOf,
  defaultCopiesTo,
  draftErrors,
  draftFieldOf,
  draftValuesOf,
  postOf,
  suggestSignerTitle,
  toDraftRequest,
} from "./draft-values";

const ORG = "6f1c2d3e-4a5b-4c6d-8e7f-901234567890";
const UNIT = "7a1c2d3e-4a5b-4c6d-8e7f-901234567890";
const USER = "8b1c2d3e-4a5b-4c6d-8e7f-901234567890";
const key = (k: string) => k;
const ward = "Ủy ban nhân dân phường Định Công";

describe("suggestSignerTitle", () => {
  const chairman = "Chủ tịch UBND phường";
  const deputy = "Phó Chủ tịch UBND phường";
  const suggest = (
    authority: Parameters<typeof suggestSignerTitle>[0]["authority"],
    signer: string,
  ) =>
    suggestSignerTitle({
      authority,
      signerJobTitle: signer,
      headJobTitle: chairman,
      organisationName: ward,
    });

  it("signs for the collective under its name without the place, then the post alone", () => {
    expect(suggest("tm", chairman)).toBe("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH");
  });

  it("has a deputy sign for the collective on behalf of the head", () => {
    expect(suggest("tm", deputy)).toBe("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH");
  });

  it("names the head's post before the signer's for KT., TL. and TUQ.", () => {
    expect(suggest("kt", deputy)).toBe("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH");
    expect(suggest("tl", "Chánh Văn phòng HĐND và UBND phường")).toBe(
      "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG",
    );
    expect(suggest("tuq", "Trưởng phòng Kinh tế")).toBe("TUQ. CHỦ TỊCH\nTRƯỞNG PHÒNG KINH TẾ");
  });

  it("gives the acting head one line, and the signer's post alone when signing in their own name", () => {
    expect(suggest("q", deputy)).toBe("Q. CHỦ TỊCH");
    expect(suggest("none", chairman)).toBe("CHỦ TỊCH");
  });

  it("keeps the authority line while no signer is chosen", () => {
    expect(
      suggestSignerTitle({
        authority: "tm",
        signerJobTitle: null,
        headJobTitle: null,
        organisationName: "Ủy ban nhân dân Thành phố Hà Nội",
      }),
    ).toBe("TM. ỦY BAN NHÂN DÂN");
  });
});

describe("postOf and collectiveOf", () => {
  it("drop the body a post belongs to and the place a body governs", () => {
    expect(postOf("Phó Chủ tịch Ủy ban nhân dân quận")).toBe("Phó Chủ tịch");
    expect(postOf("Bộ trưởng")).toBe("Bộ trưởng");
    expect(collectiveOf("Hội đồng nhân dân xã Nam Đàn")).toBe("Hội đồng nhân dân");
    expect(collectiveOf("Bộ Nội vụ")).toBe("Bộ Nội vụ");
  });
});

describe("toDraftRequest", () => {
  const values = {
    ...draftValuesOf({ copiesTo: defaultCopiesTo("KT") }),
    subject: "triển khai phương án phòng, chống lụt bão",
    addressees: [
      { kind: "organisation" as const, organisationId: ORG, name: "UBND quận Hoàng Mai" },
      { kind: "outside" as const, name: "Công an phường Định Công" },
    ],
    internal: [`unit:${UNIT}`, `user:${USER}`],
    copiesTo: ["- Như trên;", "  ", "- Lưu: VT, KT."],
    signingAuthority: "tm" as const,
    signerTitle: "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n",
  };
  const names = new Map([
    [`unit:${UNIT}`, "Phòng Kinh tế, Hạ tầng và Đô thị"],
    [`user:${USER}`, "Trần Quốc Bảo"],
  ]);

  it("sends addressees first, then units and people named from the directory, as the server accepts", () => {
    const request = toDraftRequest(values, { names });
    expect(request.recipients).toEqual([
      ...values.addressees,
      { kind: "unit", unitId: UNIT, name: "Phòng Kinh tế, Hạ tầng và Đô thị" },
      { kind: "person", userId: USER, name: "Trần Quốc Bảo" },
    ]);
    expect(request.copiesTo).toEqual(["- Như trên;", "- Lưu: VT, KT."]);
    expect(request.signerTitle).toBe("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH");
    expect(draftInput.safeParse(request).success).toBe(true);
  });

  it("keeps what the form does not show, and the name of a unit the directory no longer lists", () => {
    const initial = {
      draftingUnitId: UNIT,
      answersDocumentId: ORG,
      recipients: [{ kind: "unit" as const, unitId: UNIT, name: "Phòng cũ" }],
    };
    const request = toDraftRequest(draftValuesOf(initial), { initial, names: new Map() });
    expect(request.draftingUnitId).toBe(UNIT);
    expect(request.answersDocumentId).toBe(ORG);
    expect(request.recipients).toEqual([{ kind: "unit", unitId: UNIT, name: "Phòng cũ" }]);
  });
});

describe("draftValuesOf", () => {
  it("splits a saved draft's recipients into addressees and internal distribution", () => {
    const values = draftValuesOf({
      recipients: [
        { kind: "person", userId: USER, name: "Trần Quốc Bảo" },
        { kind: "outside", name: "Công an phường" },
      ],
    });
    expect(values.addressees).toEqual([{ kind: "outside", name: "Công an phường" }]);
    expect(values.internal).toEqual([`user:${USER}`]);
  });

  it("starts a new draft as a công văn with the usual copies", () => {
    const values = draftValuesOf();
    expect(values.documentType).toBe("cong_van");
    expect(values.copiesTo).toEqual(["- Như trên;", "- Lưu: VT."]);
  });
});

describe("draftErrors and draftFieldOf", () => {
  it("asks for a subject before anything is sent", () => {
    expect(draftErrors({ ...draftValuesOf(), subject: "  " }, key)).toEqual({
      subject: "validation.required",
    });
  });

  it("puts the server's refusals on the fields that show them", () => {
    expect(draftFieldOf("recipients", 2)).toBe("addressees");
    expect(draftFieldOf("recipients.1.name", 2)).toBe("addressees");
    expect(draftFieldOf("recipients.2.unitId", 2)).toBe("internal");
    expect(draftFieldOf("copiesTo.1", 2)).toBe("copiesTo.1");
    expect(draftFieldOf("body.content.0.content.3.text", 2)).toBe("body");
    expect(draftFieldOf("attachments.0.sha256", 2)).toBe("attachments");
    expect(draftFieldOf("signerId", 2)).toBe("signerId");
  });
});
