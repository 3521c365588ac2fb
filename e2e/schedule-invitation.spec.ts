// An invitation that arrives as an incoming document goes onto the leadership's work schedule
// from its own page: the week it names is opened, the entry is filled in from the document, and
// the schedule links back to it. On a desk and on a phone.
import { PDFDocument, StandardFonts } from "pdf-lib";
import { addDays, vietnamToday } from "@/lib/dates";
import { isoWeekOf } from "@/lib/schedule";
import { expect, test } from "./fixtures";
import { call } from "./trpc";
import { widthProblems } from "./width";

const SUBJECT = "Mời dự Hội nghị sơ kết công tác chuyển đổi số quý IV";

test("an invitation becomes an entry of the leadership schedule, linked back", async ({
  page,
  signIn,
  shot,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "vanthu.dc");
  // Three weeks on: a week no other scenario touches.
  const day = addDays(vietnamToday(), 21);
  const week = isoWeekOf(day);

  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage().drawText("Giay moi", { x: 40, y: 780, size: 12, font });
  const uploaded = await page.request.post("/api/files", {
    data: Buffer.from(await pdf.save()),
    headers: { "content-type": "application/pdf", "x-file-name": "giay-moi.pdf" },
  });
  expect(uploaded.status()).toBe(201);
  const { sha256 } = (await uploaded.json()) as { sha256: string };
  const doc = await call<{ id: string }>(
    page,
    "reception.receive",
    {
      issuerName: "Ủy ban nhân dân quận Hoàng Mai",
      codeNumber: "318",
      codeNotation: "GM-UBND",
      documentType: "giay_moi",
      subject: SUBJECT,
      documentDate: vietnamToday(),
      deadline: day,
      files: [{ sha256, fileName: "giay-moi.pdf", kind: "main" }],
    },
    { mutation: true },
  );

  await page.goto(`/documents/${doc.id}`);
  await page.getByTestId("document-to-schedule").click();
  await expect(page).toHaveURL(/\/schedule\?/);
  const banner = page.getByTestId("schedule-source-banner");
  await expect(banner).toContainText(SUBJECT, { timeout: 30_000 });
  // The week of the invitation is shown, whatever week it was asked from.
  await expect(page.getByTestId("schedule-week-title")).toHaveText(
    `Tuần ${week.week} năm ${week.year}`,
  );
  await expect(banner).toContainText("Tuần này chưa có lịch");
  await page.getByTestId("schedule-create").click();
  await page.getByTestId("schedule-source-add").click();

  const form = page.getByTestId("schedule-entry-form");
  await expect(form.getByTestId("schedule-from-source")).toBeVisible();
  await expect(form.getByTestId("schedule-content-input")).toHaveValue(SUBJECT);
  await expect(form.getByLabel("Ghi chú")).toHaveValue(
    /Theo Giấy mời số 318\/GM-UBND ngày .* của Ủy ban nhân dân quận Hoàng Mai/,
  );
  await form.getByTestId("schedule-start-input").fill("14:00");
  await shot(page, "schedule-from-invitation-form-1280");
  await page.getByTestId("schedule-entry-submit").click();
  await expect(form).toBeHidden();

  const entry = page
    .getByTestId("schedule-table")
    .getByTestId("schedule-entry")
    .filter({ hasText: SUBJECT });
  await expect(entry).toContainText("14:00");
  await expect(banner).toContainText("Đã có trong lịch này.");
  await expect(page.getByTestId("schedule-source-add")).toBeHidden();
  await shot(page, "schedule-from-invitation-1280");

  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => widthProblems(page)).toEqual([]);
  await shot(page, "schedule-from-invitation-390");

  // The entry leads back to the invitation.
  await page.setViewportSize({ width: 1280, height: 900 });
  await entry.getByTestId("schedule-entry-source").click();
  await expect(page).toHaveURL(new RegExp(`/documents/${doc.id}$`));
  await expect(page.getByTestId("document-page")).toContainText(SUBJECT);
});
