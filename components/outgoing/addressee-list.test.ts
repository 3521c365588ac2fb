import { describe, expect, it } from "vitest";
import { addOrganisations, replaceBySuccessor } from "./addressee-list";
import type { Addressee } from "./draft-values";

const hl = { id: "hl", name: "Ủy ban nhân dân phường Hoàng Liệt" };
const dc = { id: "dc", name: "Ủy ban nhân dân phường Định Công" };
const gb = { id: "gb", name: "Ủy ban nhân dân phường Giáp Bát" };
const org = (o: { id: string; name: string }): Addressee => ({
  kind: "organisation",
  organisationId: o.id,
  name: o.name,
});
const outside: Addressee = { kind: "outside", name: "Công an quận Hoàng Mai" };

describe("adding a branch or a group to the addressees", () => {
  it("appends the new organisations in the order given and counts them", () => {
    expect(addOrganisations([outside], [hl, dc])).toEqual({
      next: [outside, org(hl), org(dc)],
      added: 2,
    });
  });

  it("skips those already addressed, and repeats within what is added", () => {
    expect(addOrganisations([org(dc)], [hl, dc, hl])).toEqual({
      next: [org(dc), org(hl)],
      added: 1,
    });
    expect(addOrganisations([org(hl)], [hl]).added).toBe(0);
  });

  it("takes an outside body typed with the organisation's name, diacritics aside, as the same", () => {
    const namesake: Addressee = { kind: "outside", name: "UY BAN NHAN DAN PHUONG HOANG LIET" };
    expect(addOrganisations([namesake], [hl]).added).toBe(0);
  });
});

describe("replacing a merged addressee by its successor", () => {
  it("puts the successor in the merged one's place", () => {
    expect(replaceBySuccessor([outside, org(gb), org(dc)], "gb", hl)).toEqual([
      outside,
      org(hl),
      org(dc),
    ]);
  });

  it("drops the merged one when its successor is already addressed", () => {
    expect(replaceBySuccessor([org(hl), org(gb)], "gb", hl)).toEqual([org(hl)]);
  });
});
