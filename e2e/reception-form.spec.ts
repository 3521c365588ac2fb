// The reception form as clerks type into it: dates written the ways people write them, with
// the reason a date is refused, and the whole form by keyboard. Nothing is submitted.
import { vnDate } from "./days";
import { expect, shot, signedInPage, test } from "./fixtures";

test("the date fields read dates as clerks type them and say why one is wrong, keeping the text", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "vanthu.dc");
  await page.goto("/incoming/new");
  const documentDate = page.getByTestId("document-date-input");
  const field = (input: typeof documentDate) =>
    page.locator(".mantine-InputWrapper-root").filter({ has: input });

  // A day that does not exist is said so as it is typed, and stays in the field when left.
  await documentDate.fill("31/02/2026");
  await expect(field(documentDate)).toContainText("Ngày này không có trên lịch.");
  await documentDate.press("Tab");
  await expect(documentDate).toHaveValue("31/02/2026");

  // Digits without separators, a two-digit year and words become the day, shown dd/MM/yyyy.
  const yesterday = vnDate(-1);
  const [d, m, y] = yesterday.display.split("/");
  for (const typed of [`${d}${m}${y}`, `${Number(d)}/${Number(m)}/${y!.slice(2)}`, "hôm qua"]) {
    await documentDate.fill(typed);
    await documentDate.press("Tab");
    await expect(documentDate, typed).toHaveValue(yesterday.display);
    await expect(field(documentDate).locator(".mantine-InputWrapper-error")).toHaveCount(0);
  }

  // A document cannot be dated after today, nor a deadline be already past: both kept, both said.
  await documentDate.fill(vnDate(3).display);
  await documentDate.press("Tab");
  await expect(field(documentDate)).toContainText("Ngày văn bản không được sau ngày hôm nay.");
  await expect(documentDate).toHaveValue(vnDate(3).display);
  const deadline = page.getByTestId("deadline-input");
  await deadline.fill(vnDate(-2).display);
  await deadline.press("Tab");
  await expect(field(deadline)).toContainText("Hạn xử lý không được trước ngày hôm nay.");
  await shot(page, "date-fields");
  await page.setViewportSize({ width: 390, height: 844 });
  await deadline.scrollIntoViewIfNeeded();
  await shot(page, "date-fields-phone");
});

test("the reception form by keyboard: a skip link, the type picked by typing, named radio groups", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "vanthu.dc");
  await page.goto("/incoming/new");
  // The first Tab reaches the skip link, which jumps past the header and the menu.
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("skip-link")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main-content")).toBeFocused();

  // The most common types come first; typing highlights the first match, Enter picks it and
  // does not submit the form, and Tab keeps what was highlighted.
  const type = page.getByTestId("document-type-select");
  await type.click();
  const options = page.getByRole("option");
  await expect(options.first()).toHaveText("Công văn");
  await expect(options.nth(1)).toHaveText("Giấy mời (GM)");
  await type.fill("giay m");
  await page.keyboard.press("Enter");
  await expect(type).toHaveValue("Giấy mời (GM)");
  await expect(page.getByText("Trường này là bắt buộc.")).toHaveCount(0);
  await type.fill("");
  await type.pressSequentially("quyet d");
  await page.keyboard.press("Tab");
  await expect(type).toHaveValue("Quyết định (QĐ)");

  // Both rows of choices have an option "Thường"; each group carries its own name.
  for (const group of ["Độ khẩn", "Độ mật"]) {
    await expect(
      page.getByRole("radiogroup", { name: group }).getByRole("radio", { name: "Thường" }),
    ).toHaveCount(1);
  }
  await shot(page, "reception-keyboard");
});
