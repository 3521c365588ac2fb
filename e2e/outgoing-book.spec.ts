import type { Browser, Page } from "@playwright/test";
import { CHAIR_PIN, SEAL_PIN, unlockable, type Staff } from "./people";
import { expect, signedInPage, signIn, test } from "./fixtures";
import { call } from "./trpc";
import { widthProblems } from "./width";

const phone = { width: 390, height: 844 };
const computer = { width: 1366, height: 768 };

const SUBJECT =
  "V/v phối hợp rà soát, cập nhật danh sách hộ nghèo, hộ cận nghèo và hộ có mức sống trung " +
  "bình năm 2026 trên địa bàn phường";
/** The outside body this spec's document goes to, which no other spec writes to. */
const BANK = "Ngân hàng Chính sách xã hội quận Hoàng Mai";
type Outcome = { id: string; status: string; version: number };

/**
 * One outgoing document the whole way, as people do it: the clerk drafts a công văn of the
 * economic unit to an outside body and two people inside, checks its format, the chair signs
 * it, and the clerk numbers, seals and issues it from the default outgoing registry.
 */
async function issueOutgoing(browser: Browser): Promise<string> {
  const clerk = await signedInPage(browser, "vanthu.dc");
  const directory = await call<Staff>(clerk, "directory.staff");
  const chair = directory.leadership.find((p) => p.fullName === "Nguyễn Đức Thắng")!;
  const kt = directory.units.find((u) => u.shortName === "KT")!;
  const vhxh = directory.units.find((u) => u.shortName === "VHXH")!;
  const draft = await call<{ id: string }>(
    clerk,
    "outgoing.create",
    {
      documentType: "cong_van",
      subject: SUBJECT,
      recipients: [
        { kind: "outside", name: BANK },
        { kind: "unit", unitId: vhxh.id, name: vhxh.name },
        { kind: "person", userId: kt.staff[0]!.id, name: kt.staff[0]!.fullName },
      ],
      copiesTo: ["- Như trên;", "- Chủ tịch UBND quận (để b/c);", "- Lưu: VT, KT."],
      signerId: chair.id,
      signingAuthority: "tm",
      signerTitle: "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
      draftingUnitId: kt.id,
      body: {
        type: "doc",
        content: [
          {
            type: "paragraph",
            content: [{ type: "text", text: "Ủy ban nhân dân phường đề nghị phối hợp rà soát." }],
          },
        ],
      },
    },
    { mutation: true },
  );
  const act = (page: Page, version: number, input: unknown) =>
    call<Outcome>(
      page,
      "outgoing.act",
      { documentId: draft.id, version, input },
      { mutation: true },
    );
  let outcome = await act(clerk, 1, {
    action: "sendOnRoute",
    steps: [
      { kind: "format_check", rule: "any", userIds: [(await me(clerk)).userId] },
      { kind: "sign", rule: "any", userIds: [chair.id] },
    ],
    comment: null,
  });
  outcome = await act(clerk, outcome.version, { action: "approveStep", comment: null });

  const leader = await signedInPage(browser, "chutich.dc");
  await unlockable(leader, "person", CHAIR_PIN);
  outcome = await call<Outcome>(
    leader,
    "outgoing.sign",
    { documentId: draft.id, version: outcome.version, pin: CHAIR_PIN },
    { mutation: true },
  );
  expect(outcome.status).toBe("signed");

  await unlockable(clerk, "seal", SEAL_PIN);
  outcome = await call<Outcome>(
    clerk,
    "outgoing.issue",
    { documentId: draft.id, version: outcome.version, pin: SEAL_PIN },
    { mutation: true },
  );
  expect(outcome.status).toBe("issued");
  await clerk.context().close();
  await leader.context().close();
  return draft.id;
}

const me = (page: Page) => call<{ userId: string }>(page, "account.me");

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  await issueOutgoing(browser);
});

test.describe("on a computer", () => {
  test.use({ viewport: computer });

  test("the outgoing book is a tab of the registry books, fits the screen and keeps the hand-signed column for print", async ({
    page,
    shot,
  }) => {
    await signIn(page, "vanthu.dc");
    await page.goto("/registry-books");
    await expect(page.getByRole("heading", { name: "Sổ văn bản", exact: true })).toBeVisible();
    await page.getByTestId("book-tab-outgoing").click();
    await expect(page).toHaveURL(/book=outgoing/);
    const table = page.getByTestId("outgoing-book-table");
    // This spec's document: other specs issue from the same ward before it.
    const row = table.getByTestId("book-row").filter({ hasText: BANK });
    await expect(row).toBeVisible();
    for (const header of [
      "Số, ký hiệu văn bản",
      "Người ký",
      "Nơi nhận văn bản",
      "Đơn vị, người nhận bản lưu",
      "Số lượng bản",
      "Ngày chuyển",
    ]) {
      await expect(page.getByRole("columnheader", { name: header })).toBeVisible();
    }
    await expect(row).toContainText(/\d{2,}\/UBND-KT/);
    await expect(row).toContainText("Nguyễn Đức Thắng");
    await expect(row).toContainText(BANK);
    await expect(row).toContainText("Nội bộ: Phòng Văn hóa - Xã hội");
    await expect(row).toContainText("Chủ tịch UBND quận (để b/c)");
    await expect(row).toContainText("Phòng Kinh tế, Hạ tầng và Đô thị");
    await expect(page.getByTestId("book-registry")).toHaveValue("Sổ văn bản đi");
    await expect(page.getByTestId("book-range")).toBeVisible();
    await expect.poll(() => widthProblems(page)).toEqual([]);
    await shot(page, "fit-outgoing-book-computer");

    const signature = page.getByRole("columnheader", { name: "Ký nhận" });
    await expect(signature).toBeHidden();
    await page.getByTestId("book-columns").click();
    await page.getByRole("menuitemcheckbox", { name: "Ký nhận" }).click();
    await expect(signature).toBeVisible();
    await page.keyboard.press("Escape");
    await expect.poll(() => widthProblems(page)).toEqual([]);

    // The secret outgoing registry's book: the clerk is on none of its documents.
    await page.getByTestId("book-registry").click();
    await page.getByRole("option", { name: "Sổ văn bản mật đi (mật)" }).click();
    await expect(page.getByTestId("book-empty")).toContainText(
      "Không có văn bản đi nào được cấp số trong khoảng thời gian này.",
    );
    await shot(page, "fit-outgoing-book-empty-computer");
    // The incoming books are not kept in an outgoing registry: their tab opens the incoming one.
    await page.getByTestId("book-tab-incoming").click();
    await expect(page.getByTestId("book-registry")).toHaveValue("Sổ văn bản đến");
    await page.getByTestId("book-tab-outgoing").click();
    await expect(row).toBeVisible();

    // The print link gives the book as a PDF.
    const href = await page.getByRole("link", { name: "In sổ (PDF)" }).getAttribute("href");
    expect(href).toMatch(/^\/api\/reports\/outgoing-book\?/);
    const pdf = await page.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: phone });

  test("the outgoing book is a card per document that fits the width", async ({ page, shot }) => {
    await signIn(page, "vanthu.dc");
    await page.goto("/registry-books?book=outgoing");
    const card = page
      .getByTestId("outgoing-book-table")
      .getByTestId("book-row")
      .filter({ hasText: BANK });
    await expect(card).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Người ký" })).toBeHidden();
    // Each field under its short label (drawn from data-label by the card's CSS).
    await expect(card.locator('[data-label="Nơi nhận"]')).toBeVisible();
    await expect(card.locator('[data-label="Bản lưu"]')).toContainText("Phòng Kinh tế");
    await expect(card).toContainText(BANK);
    await expect(page.getByTestId("book-columns")).toBeHidden();
    await expect.poll(() => widthProblems(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, "fit-outgoing-book-phone");
  });
});
