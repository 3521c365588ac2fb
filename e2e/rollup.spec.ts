// A district leader reads the figures of the wards below, on a computer and on a phone: a table
// by organisation and one by month, figures only. On a phone the months without any figure are
// named in one line instead of a card each.
import { vnDate } from "./days";
import { letterPdf, registerAndPresent } from "./documents";
import { expect, test } from "./fixtures";
import { switchTo } from "./people";
import { widthProblems } from "./width";

const thisMonth = vnDate(0).iso.slice(0, 7);
const months = Number(thisMonth.slice(5, 7));
const url = `/reports/rollup?from=${thisMonth.slice(0, 4)}-01&to=${thisMonth}`;

test("the district sees its wards' figures by organisation and by month, on a computer and on a phone", async ({
  page,
  shot,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  // A letter that arrives at Định Công this month: the month has a figure whatever ran before.
  await registerAndPresent(page, {
    pdf: await letterPdf(1),
    number: String(Date.now() % 100_000),
    subject: "V/v báo cáo số liệu tổng hợp cuối năm của các phường",
  });
  await switchTo(page, "lanhdao.hoangmai");
  await page.goto(url);
  const table = page.getByTestId("rollup-table");
  for (const ward of ["Ủy ban nhân dân phường Định Công", "Ủy ban nhân dân phường Hoàng Liệt"]) {
    await expect(table.getByRole("row").filter({ hasText: ward })).toHaveCount(1);
  }
  const monthRows = page.getByTestId("rollup-month-row");
  await expect(monthRows).toHaveCount(months);
  await expect(page.getByTestId("rollup-empty-months")).toHaveCount(0);
  await shot(page, "rollup");

  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => widthProblems(page), "roll-up at 390").toEqual([]);
  // Every card shown has a figure; the months left out are counted in one line.
  const cards = await monthRows.count();
  for (let i = 0; i < cards; i++) {
    const figures = await monthRows.nth(i).locator("td").allInnerTexts();
    expect(
      figures.some((f) => /\b[1-9]\d*\b/.test(f.replace(/\d{2}\/\d{4}/, ""))),
      figures.join("|"),
    ).toBe(true);
  }
  const note = page.getByTestId("rollup-empty-months");
  if (cards < months) {
    await expect(note).toContainText(`${months - cards} tháng không có số liệu nào`);
  } else {
    await expect(note).toHaveCount(0);
  }
  await note.scrollIntoViewIfNeeded().catch(() => undefined);
  await shot(page, "rollup-390");
});
