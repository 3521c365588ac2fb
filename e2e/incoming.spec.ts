import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import fontkit from "@pdf-lib/fontkit";
import type { Page } from "@playwright/test";
import { PDFDocument, rgb } from "pdf-lib";
import { vnDate } from "./days";
import { expect, shot, signedInPage, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const SUBJECT = "Về việc triển khai phương án phòng, chống lụt bão năm 2026 trên địa bàn phường";

/** A one-page official letter with Vietnamese text, as a scan-free electronic original would be. */
async function letterPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(readFileSync("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
  const page = pdf.addPage([595, 842]);
  const lines = [
    "ỦY BAN NHÂN DÂN QUẬN HOÀNG MAI",
    "Số: 125/UBND-PCTT",
    "V/v triển khai phương án phòng, chống lụt bão năm 2026",
    "Kính gửi: Ủy ban nhân dân phường Định Công",
    "Đề nghị phường rà soát các điểm ngập úng và báo cáo trước hạn.",
  ];
  lines.forEach((text, i) =>
    page.drawText(text, { x: 60, y: 760 - i * 28, size: 13, font, color: rgb(0, 0, 0) }),
  );
  return Buffer.from(await pdf.save());
}

async function chooseOption(page: Page, testId: string, option: string | RegExp) {
  await page.getByTestId(testId).click();
  await page.getByRole("option", { name: option }).first().click();
}

let documentUrl = "";

test("a clerk registers an urgent PDF and presents it to the chairman", async ({ browser }) => {
  const page = await signedInPage(browser, "vanthu.dc");
  await page.goto("/incoming/new");
  await page.locator('[data-testid="reception-dropzone"] input[type="file"]').setInputFiles({
    name: "125-UBND-PCTT.pdf",
    mimeType: "application/pdf",
    buffer: await letterPdf(),
  });
  await expect(page.getByTestId("file-sha256").first()).toBeVisible();

  await page.getByTestId("issuer-input").fill("Ủy ban nhân dân quận Hoàng");
  await page
    .getByRole("option", { name: /quận Hoàng Mai/ })
    .first()
    .click();
  await page.getByTestId("code-number-input").fill("125");
  await page.getByTestId("code-notation-input").fill("UBND-PCTT");
  await page.getByTestId("document-date-input").fill(vnDate(-1).display);
  await page.getByTestId("document-date-input").press("Tab");
  await chooseOption(page, "document-type-select", "Công văn");
  await page.getByTestId("subject-input").fill(SUBJECT);
  await page.getByTestId("signer-input").fill("Bùi Xuân Trường");
  await page.getByTestId("urgency-control").getByText("Hỏa tốc").click();
  await page.getByTestId("deadline-input").fill(vnDate(10).display);
  await page.getByTestId("deadline-input").press("Tab");
  await shot(page, "reception-form");
  await page.getByTestId("reception-submit").click();

  await expect(page.getByTestId("reception-done")).toBeVisible();
  await expect(page.getByTestId("registered-number")).toContainText("1");
  await shot(page, "reception-done");
  await page.getByTestId("open-registered").click();
  await expect(page.getByTestId("doc-subject")).toHaveText(SUBJECT);
  await expect(page.getByTestId("doc-urgency")).toContainText("Hỏa tốc");
  documentUrl = new URL(page.url()).pathname;

  await page.getByTestId("action-present").click();
  await chooseOption(page, "present-leader", /Nguyễn Đức Thắng/);
  await page
    .getByTestId("present-note")
    .fill("Đề xuất giao Phòng Kinh tế chủ trì, báo cáo trước mùa mưa bão.");
  await page.getByTestId("present-submit").click();
  await expect(page.getByTestId("event-presented")).toBeVisible();
  await shot(page, "document-presented");

  // In the clerk's boxes it has moved from "to present" to "waiting for the leader".
  await page.goto("/incoming");
  await page.getByTestId("inbox-tab-at_leader").click();
  await expect(page.getByTestId("document-row").filter({ hasText: SUBJECT })).toBeVisible();
  await expect(page.getByTestId("inbox-count-at_leader")).toHaveText("1");
  await page.getByTestId("inbox-tab-to_present").click();
  await expect(page.getByTestId("document-row").filter({ hasText: SUBJECT })).toHaveCount(0);
  await shot(page, "clerk-boxes");
});

test("the full text reads in the page, on a computer and on a phone", async ({ browser }) => {
  const page = await signedInPage(browser, "vanthu.dc");
  const worker = page.waitForResponse((r) => r.url().endsWith("/pdf.worker.min.mjs"));
  await page.goto(documentUrl);
  const viewer = page.getByTestId("pdf-viewer");
  const first = viewer.locator('[data-testid="pdf-page"][data-page-number="1"]');
  await expect(first).toHaveAttribute("data-rendered", "true");
  // The text layer over the picture: the letter's words, to select or find with Ctrl+F.
  await expect(first).toContainText("Kính gửi: Ủy ban nhân dân phường Định Công");
  await expect(viewer.getByTestId("pdf-page-indicator")).toHaveText("Trang 1/1");

  const served = await worker;
  expect(served.headers()["content-type"]).toMatch(/^(text|application)\/javascript/);
  // Sent compressed: a slow phone waits for 0.4 MB, not 1.3 MB.
  expect(served.headers()["content-encoding"]).toMatch(/gzip|br/);
  expect(served.headers()["cache-control"]).toContain("immutable");
  // Only pdf.js's own files are served there, nothing else of the server's disk.
  const base = served.url().replace(/pdf\.worker\.min\.mjs$/, "");
  for (const other of ["..%2F..%2Fpackage.json", "build/pdf.mjs", "wasm/..%2Fpackage.json"]) {
    expect((await page.request.get(base + other)).status()).toBe(404);
  }

  const fitted = (await first.boundingBox())!.width;
  await viewer.getByRole("button", { name: "Phóng to" }).click();
  await expect.poll(async () => (await first.boundingBox())!.width).toBeGreaterThan(fitted);
  await viewer.getByRole("button", { name: "Vừa chiều rộng" }).click();
  await expect.poll(async () => (await first.boundingBox())!.width).toBeCloseTo(fitted, 0);
  await expect(first).toHaveAttribute("data-rendered", "true");
  await page.mouse.move(0, 0);
  await shot(page, "document-pdf-viewer");

  // A phone, signed in as the same clerk: the page fits its width and is drawn at its density.
  const phone = await browser.newContext({
    storageState: await page.context().storageState(),
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
  });
  const small = await phone.newPage();
  await small.goto(documentUrl);
  const phoneViewer = small.getByTestId("pdf-viewer");
  await phoneViewer.scrollIntoViewIfNeeded();
  const phonePage = phoneViewer.locator('[data-testid="pdf-page"][data-page-number="1"]');
  await expect(phonePage).toHaveAttribute("data-rendered", "true");
  await expect(phonePage).toContainText("phòng, chống lụt bão năm 2026");
  expect((await phonePage.boundingBox())!.width).toBeLessThanOrEqual(390);
  const density = await phonePage
    .locator("canvas")
    .evaluate((canvas: HTMLCanvasElement) => canvas.width / canvas.getBoundingClientRect().width);
  expect(density).toBeCloseTo(3, 1);
  await shot(small, "document-pdf-viewer-phone");
  await phone.close();
});

test("the reception form, the document page and the inbox pass an accessibility check", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "vanthu.dc");
  const serious = async (where: string) => {
    const result = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21aa"])
      .analyze();
    const found = result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.html.slice(0, 160)).join(" | ")}`,
      );
    expect(found).toEqual([]);
  };
  await page.goto("/incoming/new");
  await expect(page.getByTestId("issuer-input")).toBeVisible();
  await serious("reception form");
  await page.goto(documentUrl);
  await expect(page.getByTestId("document-page")).toBeVisible();
  await expect(page.locator('[data-testid="pdf-page"][data-page-number="1"]')).toHaveAttribute(
    "data-rendered",
    "true",
  );
  await serious("document page");
  await page.goto("/incoming");
  await expect(page.getByTestId("inbox-tab-at_leader")).toBeVisible();
  await serious("inbox");
});

test("the chairman directs it to a lead unit, a co-handler and a reader, with deadlines", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "chutich.dc");
  // The bell tells the chairman, urgently.
  await page.getByTestId("notification-bell").click();
  await expect(page.getByText(/KHẨN.*phòng, chống lụt bão/)).toBeVisible();
  await shot(page, "chairman-bell");

  // On his phone, what is asked of him and the clerk's proposal come before the details and the PDF.
  const phone = await browser.newContext({
    storageState: await page.context().storageState(),
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const small = await phone.newPage();
  await small.goto(documentUrl);
  const asked = small.getByTestId("asked-to-direct");
  await expect(asked).toBeVisible();
  await expect(small.getByTestId("proposal")).toContainText("Đề xuất giao Phòng Kinh tế chủ trì");
  const top = async (id: string) => (await small.getByTestId(id).boundingBox())!.y;
  expect(await top("asked-to-direct")).toBeLessThan(await top("document-facts"));
  expect(await top("action-direct")).toBeLessThan(844);
  await shot(small, "leader-phone-document");
  await small.getByTestId("action-direct").click();
  await small.getByTestId("phrase").first().click();
  await expect(small.getByTestId("direct-text")).toHaveValue(/^Giao chủ trì tham mưu/);
  await shot(small, "leader-phone-direct-phrase");
  // The lists of people open on a touch phone too, inside the full-screen form.
  await small.getByTestId("direct-info").click();
  await expect(small.getByRole("option").first()).toBeVisible();
  await phone.close();

  await page.goto(documentUrl);
  await page.getByTestId("action-direct").click();
  await page.getByTestId("direct-text").fill("Giao Phòng Kinh tế chủ trì, phối hợp đồng chí Hạnh;");
  // A preset phrase completes the direction.
  await page.getByTestId("phrase").filter({ hasText: "báo cáo kết quả trước hạn" }).click();
  await expect(page.getByTestId("direct-text")).toHaveValue(
    "Giao Phòng Kinh tế chủ trì, phối hợp đồng chí Hạnh; Giao chủ trì tham mưu, báo cáo kết quả trước hạn.",
  );
  await chooseOption(page, "direct-lead", /Phòng Kinh tế, Hạ tầng và Đô thị/);
  await page.getByTestId("direct-lead-deadline").fill(vnDate(10).display);
  await page.getByTestId("direct-lead-deadline").press("Tab");
  await page.getByTestId("direct-add-co").click();
  await chooseOption(page, "direct-co-0", /Đỗ Thị Hạnh/);
  await page.getByTestId("direct-info").click();
  await page
    .getByRole("option", { name: /Hoàng Thị Mai/ })
    .first()
    .click();
  await page.keyboard.press("Escape");
  await shot(page, "direct-form");
  await page.getByTestId("direct-submit").click();
  await expect(page.getByTestId("event-directed")).toBeVisible();
  await expect(page.getByTestId("assignments-panel")).toContainText(
    "Phòng Kinh tế, Hạ tầng và Đô thị",
  );
  await expect(page.getByTestId("assignments-panel")).toContainText("Đỗ Thị Hạnh");
});

test("the unit head assigns a specialist", async ({ browser }) => {
  const page = await signedInPage(browser, "truongphong.kt");
  await page.goto(documentUrl);
  await page.getByTestId("action-assign").click();
  await chooseOption(page, "assign-user", /Lê Minh Tuấn/);
  await page.getByTestId("assign-submit").click();
  await expect(page.getByTestId("event-assignedToSpecialist")).toBeVisible();
  await expect(page.getByTestId("assignments-panel")).toContainText("Lê Minh Tuấn");
});

test("the specialist asks for an extension, which the chairman grants", async ({ browser }) => {
  const specialist = await signedInPage(browser, "chuyenvien.kt");
  await specialist.goto(documentUrl);
  await specialist.getByTestId("action-extension").click();
  await specialist.getByTestId("extension-date").fill(vnDate(20).display);
  await specialist.getByTestId("extension-date").press("Tab");
  await specialist
    .getByTestId("extension-reason")
    .fill("Cần thêm thời gian khảo sát các điểm ngập úng.");
  await specialist.getByTestId("extension-submit").click();
  await expect(specialist.getByTestId("event-extensionRequested")).toBeVisible();

  const chairman = await signedInPage(browser, "chutich.dc");
  await chairman.goto(documentUrl);
  await chairman.getByTestId("action-decide").click();
  await chairman.getByTestId("decide-submit").click();
  await expect(chairman.getByTestId("event-extensionApproved")).toBeVisible();
  await expect(chairman.getByTestId("extensions-panel")).toContainText(vnDate(20).display);
  await shot(chairman, "extension-granted");
});

test("the specialist submits a result with a file; the unit head sends it back, then accepts; the chairman's acceptance completes it", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "chuyenvien.kt");
  await page.goto(documentUrl);
  await page.getByTestId("action-submit-result").click();
  await page.getByTestId("note-text").fill("Đã rà soát 12 điểm ngập úng, báo cáo số 45/BC-KT.");
  await page.locator('[data-testid="result-form"] input[type="file"]').setInputFiles({
    name: "45-BC-KT.pdf",
    mimeType: "application/pdf",
    buffer: await letterPdf(),
  });
  await expect(page.getByTestId("note-submit")).toBeEnabled();
  await page.getByTestId("note-submit").click();
  await expect(page.getByTestId("event-resultSubmitted")).toBeVisible();

  const head = await signedInPage(browser, "truongphong.kt");
  await head.goto("/incoming?box=to_review");
  await expect(head.getByTestId("inbox-tab-to_review")).toBeVisible();
  await head.goto(documentUrl);
  await expect(head.getByTestId("result-to-review")).toContainText("45/BC-KT");
  await head.getByTestId("action-review").click();
  await head.getByTestId("review-decision").getByText("Trả lại để bổ sung").click();
  await head.getByTestId("review-submit").click();
  await expect(head.getByTestId("review-note")).toHaveAttribute("aria-invalid", "true");
  await head.getByTestId("review-note").fill("Bổ sung số liệu tổ dân phố 5.");
  await shot(head, "result-send-back");
  await head.getByTestId("review-submit").click();
  await expect(head.getByTestId("event-resultSentBack")).toBeVisible();

  await page.reload();
  await page.getByTestId("action-submit-result").click();
  await page.getByTestId("note-text").fill("Đã bổ sung số liệu tổ dân phố 5, báo cáo số 45/BC-KT.");
  await page.getByTestId("note-submit").click();
  await expect(page.getByTestId("event-resultSubmitted").nth(1)).toBeVisible();

  await head.reload();
  await head.getByTestId("action-review").click();
  await head.getByTestId("review-submit").click();
  await expect(head.getByTestId("event-resultAccepted")).toBeVisible();

  const chairman = await signedInPage(browser, "chutich.dc");
  await chairman.goto(documentUrl);
  await chairman.getByTestId("action-review").click();
  await expect(chairman.getByTestId("review-result-text")).toContainText("tổ dân phố 5");
  await chairman.getByTestId("review-submit").click();
  await expect(chairman.getByTestId("event-completed")).toBeVisible();
  await expect(chairman.getByTestId("doc-status")).toContainText(/hoàn thành/i);
  // The co-handler had not finished: their part closes unfinished with the document.
  const coPart = chairman.getByTestId("assignment").filter({ hasText: "Đỗ Thị Hạnh" });
  await expect(coPart).toContainText("Khép lại khi chưa xong");
  await shot(chairman, "document-completed");
});

test("the for-information recipient marks it read, and the history shows every step", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "phochutich.dc");
  await page.goto(documentUrl);
  await page.getByTestId("action-mark-read").click();
  await expect(page.getByTestId("event-read")).toBeVisible();
  const history = page.getByTestId("history");
  for (const step of [
    "registered",
    "presented",
    "directed",
    "assignedToSpecialist",
    "extensionRequested",
    "extensionApproved",
    "completed",
    "read",
  ]) {
    await expect(history.getByTestId(`event-${step}`)).toBeVisible();
  }
  await shot(page, "document-history");
});

test("the registry book lists it with its arrival number", async ({ browser }) => {
  const page = await signedInPage(browser, "vanthu.dc");
  const { iso } = vnDate(0);
  const response = await page.request.get(
    `/api/reports/registry-book?from=${iso}&to=${iso}&format=pdf`,
  );
  expect(response.status()).toBe(200);
  const folder = mkdtempSync(path.join(tmpdir(), "lien-thong-book-"));
  const file = path.join(folder, "book.pdf");
  writeFileSync(file, await response.body());
  // Read back with poppler, independently of the code that wrote it.
  // Content-stream order keeps each cell's lines together.
  const text = execFileSync("pdftotext", ["-raw", file, "-"]).toString().replace(/\s+/g, " ");
  expect(text).toContain("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN");
  // Narrow columns wrap long values onto the next line.
  expect(text).toMatch(/125\/UBND-\s*PCTT/);
  expect(text).toMatch(/phòng,\s+chống\s+lụt\s+bão/);
  expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} \d+ Ủy ban nhân dân quận/);
  // The first page, as an image beside the other screenshots.
  const shots = path.join(import.meta.dirname, "screenshots");
  execFileSync("pdftoppm", [
    "-png",
    "-r",
    "70",
    "-f",
    "1",
    "-l",
    "1",
    "-singlefile",
    file,
    path.join(shots, "registry-book-pdf"),
  ]);
});
