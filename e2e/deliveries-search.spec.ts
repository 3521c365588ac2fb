// A document sent to many organisations: the sender's clerk finds one recipient on its table by
// typing part of its name, accents optional, within a status filter; on a computer and a phone.
import { accessible } from "./a11y";
import { expect, test } from "./fixtures";
import { issueTo } from "./issue";

const SUBJECT = "V/v rà soát số liệu cán bộ, công chức cấp xã năm 2026";

test("the sender's clerk finds a recipient on a long table by its name", async ({ page, shot }) => {
  test.setTimeout(180_000);
  const id = await issueTo(page, SUBJECT, [
    "Bộ Nội vụ",
    "Thành phố Hà Nội",
    "tỉnh Nghệ An",
    "quận Hoàng Mai",
    "phường Hoàng Liệt",
    "xã Nam Đàn",
  ]);
  await page.goto(`/documents/${id}`);
  const panel = page.getByTestId("deliveries-panel");
  const rows = panel.getByTestId("delivery-row");
  await expect(rows).toHaveCount(6);

  // Without accents, in any case: the district and the ward of Hoàng.
  const search = panel.getByRole("searchbox", { name: "Tìm nơi nhận" });
  await search.fill("HOANG");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "quận Hoàng Mai" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "phường Hoàng Liệt" })).toHaveCount(1);
  await expect(panel.getByText("2/6 nơi nhận")).toBeVisible();
  await search.fill("nam dan");
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("xã Nam Đàn");

  // The search narrows the chosen status: none has refused, though Nam Đàn is on the table.
  await panel.getByText(/^Từ chối/).click();
  await expect(rows).toHaveCount(0);
  await expect(panel.getByTestId("deliveries-none")).toHaveText(
    "Không có nơi nhận nào ở tình trạng này.",
  );
  await panel.getByText(/^Tất cả/).click();
  await expect(rows).toHaveCount(1);
  // A name that is nowhere on the table is said to be so.
  await search.fill("Long Biên");
  await expect(rows).toHaveCount(0);
  await expect(panel.getByTestId("deliveries-none")).toHaveText(
    "Không có nơi nhận nào khớp với “Long Biên”.",
  );
  await panel.scrollIntoViewIfNeeded();
  await shot(page, "deliveries-search-none");
  await search.fill("nam dan");
  await accessible(page, "recipients' search");
  await panel.scrollIntoViewIfNeeded();
  await shot(page, "deliveries-search");

  // In English.
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  await page.reload();
  const field = panel.getByRole("searchbox", { name: "Find a recipient" });
  await field.fill("hoàng");
  await expect(rows).toHaveCount(2);
  await expect(panel.getByText("2 of 6 recipients")).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await shot(page, "deliveries-search-en");
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "vi", url: page.url() }]);
  await page.reload();

  // Cleared, every recipient is back; on a phone the field fits.
  await search.fill("");
  await expect(rows).toHaveCount(6);
  await page.setViewportSize({ width: 390, height: 844 });
  await search.fill("ha noi");
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("Thành phố Hà Nội");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await search.scrollIntoViewIfNeeded();
  await shot(page, "deliveries-search-phone", { fullPage: false });
});
