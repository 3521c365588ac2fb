import { readFileSync } from "node:fs";
import fontkit from "@pdf-lib/fontkit";
import { expect, type Page } from "@playwright/test";
import { PDFDocument, rgb } from "pdf-lib";
import { signIn } from "./fixtures";

/** A letter of `pages` A4 pages with an embedded Vietnamese font, as offices send them. */
export async function letterPdf(pages: number): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(readFileSync("server/pdf/fonts/LiberationSerif-Regular.ttf"));
  for (let p = 0; p < pages; p++) {
    const page = pdf.addPage([595, 842]);
    page.drawText(`Trang ${p + 1}`, { x: 50, y: 800, size: 28, font, color: rgb(0, 0, 0) });
    for (let i = 0; i < 30; i++) {
      page.drawText(
        `Dòng ${i + 1} trang ${p + 1}: phòng, chống lụt bão năm 2026 trên địa bàn phường`,
        { x: 50, y: 760 - i * 24, size: 11, font, color: rgb(0, 0, 0) },
      );
    }
  }
  return Buffer.from(await pdf.save());
}

/**
 * As the clerk of Phường Định Công: registers an urgent letter from the district with the file
 * `pdf` and presents it to the chairman. Returns the document's address.
 */
export async function registerAndPresent(
  page: Page,
  { pdf, number, subject }: { pdf: Buffer; number: string; subject: string },
): Promise<string> {
  await signIn(page, "vanthu.dc");
  await page.goto("/incoming/new");
  await page.locator('[data-testid="reception-dropzone"] input[type="file"]').setInputFiles({
    name: `${number}-UBND.pdf`,
    mimeType: "application/pdf",
    buffer: pdf,
  });
  await expect(page.getByTestId("file-sha256").first()).toBeVisible();
  await page.getByTestId("issuer-input").fill("Ủy ban nhân dân quận Hoàng");
  await page
    .getByRole("option", { name: /quận Hoàng Mai/ })
    .first()
    .click();
  await page.getByTestId("code-number-input").fill(number);
  await page.getByTestId("code-notation-input").fill("UBND-PCTT");
  await page.getByTestId("document-date-input").fill("hôm qua");
  await page.getByTestId("document-date-input").press("Tab");
  await page.getByTestId("document-type-select").click();
  await page.getByRole("option", { name: "Công văn" }).first().click();
  await page.getByTestId("subject-input").fill(subject);
  await page.getByTestId("urgency-control").getByText("Hỏa tốc").click();
  await page.getByTestId("reception-submit").click();
  await page.getByTestId("open-registered").click();
  await page.getByTestId("action-present").click();
  await page.getByTestId("present-leader").click();
  await page
    .getByRole("option", { name: /Nguyễn Đức Thắng/ })
    .first()
    .click();
  await page.getByTestId("present-submit").click();
  await expect(page.getByTestId("event-presented")).toBeVisible();
  return new URL(page.url()).pathname;
}
