// The sender follows its documents across organisations from "Đã gửi": how many recipients have
// registered each, who refused, narrowed by a chip kept in the link; then on a phone.
import type { Page } from "@playwright/test";
import { accessible } from "./a11y";
import { expect, test } from "./fixtures";
import { issueTo } from "./issue";
import { switchTo } from "./people";
import { call } from "./trpc";

const SUBJECT = "V/v báo cáo kết quả chuyển đổi số năm 2026";

type BoxItem = { id: string; subject: string; version: number };

/** The copy that arrived at the signed-in clerk's organisation. */
async function arrived(page: Page): Promise<BoxItem> {
  const box = await call<{ items: BoxItem[] }>(page, "inbox.clerkBox", {
    box: "to_register",
    limit: 100,
  });
  const copy = box.items.find((i) => i.subject === SUBJECT);
  expect(copy, "the copy in the box").toBeDefined();
  return copy!;
}

test("the clerk sees how far the recipients have got with each sent document", async ({
  page,
  shot,
}) => {
  test.setTimeout(180_000);
  await issueTo(page, SUBJECT, ["phường Hoàng Liệt", "quận Hoàng Mai"]);

  // Hoàng Liệt registers it; the district sends it back.
  await switchTo(page, "vanthu.hl");
  const hl = await arrived(page);
  await call(
    page,
    "incoming.registerMany",
    { items: [{ documentId: hl.id, version: hl.version }] },
    {
      mutation: true,
    },
  );
  await switchTo(page, "vanthu.hoangmai");
  const hm = await arrived(page);
  await call(
    page,
    "incoming.act",
    {
      documentId: hm.id,
      version: hm.version,
      input: { action: "returnToSender", reason: "Không thuộc thẩm quyền của quận." },
    },
    { mutation: true },
  );

  await switchTo(page, "vanthu.dc");
  await page.goto("/outgoing");
  await page.getByTestId("outgoing-tab-sent").click();
  await expect(page).toHaveURL(/box=sent/);
  const row = page.getByTestId("sent-row").filter({ hasText: SUBJECT });
  await expect(row.getByTestId("sent-registered")).toHaveText("Đã vào sổ 1/2 nơi");
  await expect(row.getByTestId("sent-refused")).toHaveText("1 nơi từ chối");
  await accessible(page, "sent list");
  await shot(page, "sent-list");

  // Narrowed to refusals it stays, with the chip in the link; nothing of it waits to register.
  await page.getByTestId("sent-filter-refused").click();
  await expect(page).toHaveURL(/filter=refused/);
  await expect(row).toBeVisible();
  await page.getByTestId("sent-filter-waiting").click();
  await expect(page).toHaveURL(/filter=waiting/);
  await expect(page.getByTestId("sent-table").or(page.getByTestId("sent-empty"))).toBeVisible();
  await expect(row).toHaveCount(0);

  // Its page has the table per recipient.
  await page.getByTestId("sent-filter-waiting").click();
  await row.getByTestId("document-link").click();
  await expect(page).toHaveURL(/\/documents\//);
  await expect(page.getByText("Không thuộc thẩm quyền của quận.").first()).toBeVisible();
  // The recipients' list downloads, printed or as a spreadsheet.
  const panel = page.getByTestId("deliveries-panel");
  for (const [format, type] of [
    ["pdf", "application/pdf"],
    ["xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  ] as const) {
    const href = await panel.getByTestId(`download-${format}`).getAttribute("href");
    const file = await page.request.get(href!);
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toBe(type);
    expect(file.headers()["content-disposition"]).toContain(
      encodeURIComponent("Tình hình gửi nhận văn bản"),
    );
  }
  await panel.scrollIntoViewIfNeeded();
  await shot(page, "sent-document-deliveries");

  // On a phone, opened from a link: the tab row is scrolled to "Đã gửi", the card fits.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/outgoing?box=sent&filter=refused");
  await expect(page.getByTestId("outgoing-tab-sent")).toBeInViewport();
  await expect(row.getByTestId("sent-refused")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(page, "sent-list-phone", { fullPage: false });
});
