import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import type { Page } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { expect, test } from "./fixtures";

const SUBJECT = "V/v tổng kiểm tra hệ thống thoát nước trước mùa mưa bão năm 2026";
const shots = path.join(import.meta.dirname, "screenshots");

const today = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A công văn laid out as Decree 30 has it: issuer top left, motto top right, then the text. */
async function officialLetter(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const fonts = path.join(import.meta.dirname, "..", "server", "pdf", "fonts");
  const regular = await pdf.embedFont(
    readFileSync(path.join(fonts, "LiberationSerif-Regular.ttf")),
  );
  const bold = await pdf.embedFont(readFileSync(path.join(fonts, "LiberationSerif-Bold.ttf")));
  const page = pdf.addPage([595.28, 841.89]);
  const line = (text: string, x: number, top: number, size = 13, font = regular) =>
    page.drawText(text, { x, y: 841.89 - top, size, font });
  line("ỦY BAN NHÂN DÂN", 120, 62, 12.5);
  line("QUẬN HOÀNG MAI", 118, 78, 12.5, bold);
  line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 300, 62, 12.5, bold);
  line("Độc lập - Tự do - Hạnh phúc", 345, 78, 13, bold);
  line("Số: 77/UBND-QLĐT", 118, 104);
  line("V/v tổng kiểm tra hệ thống thoát nước", 95, 122, 12);
  line("trước mùa mưa bão năm 2026", 120, 138, 12);
  const [y, m, d] = today().split("-");
  line(`Hoàng Mai, ngày ${d} tháng ${m} năm ${y}`, 318, 104, 13);
  line("Kính gửi: Ủy ban nhân dân phường Định Công", 170, 190);
  const body = [
    "Thực hiện kế hoạch phòng, chống thiên tai năm 2026, Ủy ban nhân dân quận đề nghị",
    "Ủy ban nhân dân phường tổ chức tổng kiểm tra hệ thống cống, rãnh thoát nước trên",
    "địa bàn, khắc phục ngay các điểm ùn tắc và báo cáo kết quả về Phòng Quản lý đô thị.",
  ];
  body.forEach((text, i) => line(text, 85, 230 + i * 20));
  return Buffer.from(await pdf.save());
}

/** Registers the letter as the signed-in clerk, through the same routes the reception form uses. */
async function registerLetter(page: Page): Promise<{ id: string; number: number }> {
  const upload = await page.request.post("/api/files", {
    data: await officialLetter(),
    headers: {
      "x-file-name": encodeURIComponent("Công văn 77-UBND-QLĐT.pdf"),
      "content-type": "application/pdf",
    },
  });
  expect(upload.status()).toBe(201);
  const { sha256 } = (await upload.json()) as { sha256: string };
  const received = await page.request.post("/api/trpc/reception.receive", {
    data: {
      json: {
        issuerName: "Ủy ban nhân dân quận Hoàng Mai",
        codeNumber: "77",
        codeNotation: "UBND-QLĐT",
        documentType: "cong_van",
        subject: SUBJECT,
        documentDate: today(),
        signerName: "Bùi Xuân Trường",
        urgency: "urgent",
        files: [{ sha256, fileName: "Công văn 77-UBND-QLĐT.pdf", kind: "main" }],
        acknowledgeDuplicate: true,
      },
    },
  });
  expect(received.status()).toBe(200);
  const body = (await received.json()) as {
    result: { data: { json: { id: string; registryNumber: number } } };
  };
  return { id: body.result.data.json.id, number: body.result.data.json.registryNumber };
}

/** Saves a PDF the app serves, its first page as a PNG beside the screenshots, and its text. */
async function savePdf(page: Page, href: string, name: string) {
  // A kept-alive connection the server has just closed answers ECONNRESET; a second try opens
  // a new one.
  const response = await page.request
    .get(href)
    .catch(() => page.request.get(href, { headers: { connection: "close" } }));
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["cache-control"]).toBe("private, no-store");
  const file = path.join(mkdtempSync(path.join(tmpdir(), "lien-thong-print-")), `${name}.pdf`);
  writeFileSync(file, await response.body());
  execFileSync("pdftoppm", [
    "-png",
    "-r",
    "60",
    "-f",
    "1",
    "-l",
    "1",
    "-singlefile",
    file,
    path.join(shots, name),
  ]);
  const text = execFileSync("pdftotext", ["-raw", "-f", "1", "-l", "1", file, "-"]).toString();
  return { response, text: text.replace(/\s+/g, " ") };
}

test("a registered document wears its arrival stamp on screen, and prints its slip and a stamped copy", async ({
  browser,
  signIn,
  shot,
}) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, "vanthu.dc");
  await expect(page.getByTestId("who-am-i")).toBeVisible();
  const { id, number } = await registerLetter(page);

  await page.goto(`/documents/${id}`);
  const first = page.locator('[data-testid="pdf-page"][data-page-number="1"]');
  await expect(first).toHaveAttribute("data-rendered", "true");
  const stamp = first.getByTestId("arrival-stamp");
  await expect(stamp).toBeVisible();
  await expect(stamp).toHaveAccessibleName(`Dấu đến: số ${number}, ngày ${dmy(today())}`);
  for (const words of ["ĐẾN", `Số: ${number}`, `Ngày: ${dmy(today())}`, "Sổ: Sổ văn bản đến"]) {
    await expect(stamp).toContainText(words);
  }
  // Over the top-left corner of page 1.
  const pageBox = (await first.boundingBox())!;
  const stampBox = (await stamp.boundingBox())!;
  expect(stampBox.x - pageBox.x).toBeLessThan(pageBox.width * 0.1);
  expect(stampBox.y - pageBox.y).toBeLessThan(pageBox.height * 0.1);
  expect(stampBox.width).toBeLessThan(pageBox.width * 0.4);
  await page.mouse.move(0, 0);
  await shot(page, "slip-stamp-overlay");
  // Close up, zoomed in: the same lines as the printed stamp, every diacritic whole.
  const viewer = page.getByTestId("pdf-viewer");
  for (let i = 0; i < 4; i++) await viewer.getByRole("button", { name: "Phóng to" }).click();
  await expect(first).toHaveAttribute("data-rendered", "true");
  await stamp.screenshot({ path: path.join(shots, "slip-stamp-closeup.png") });
  await viewer.getByRole("button", { name: "Vừa chiều rộng" }).click();

  // Hidden on request, and still hidden on the next visit.
  const toggle = page.getByTestId("arrival-stamp-toggle");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await toggle.click();
  await expect(stamp).toHaveCount(0);
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await page.reload();
  await expect(first).toHaveAttribute("data-rendered", "true");
  await expect(page.getByTestId("arrival-stamp-toggle")).toHaveAttribute("aria-pressed", "false");
  await expect(stamp).toHaveCount(0);
  await page.getByTestId("arrival-stamp-toggle").click();
  await expect(stamp).toBeVisible();

  // Dragged into the blank space below the text, where the printed copy will have it too.
  const from = (await stamp.boundingBox())!;
  await page.mouse.move(from.x + 20, from.y + 20);
  await page.mouse.down();
  await page.mouse.move(from.x + 60, from.y + 200, { steps: 8 });
  await page.mouse.move(from.x + 80, from.y + 320, { steps: 8 });
  await page.mouse.up();
  const moved = Number(await stamp.getAttribute("data-y"));
  expect(moved).toBeGreaterThan(200);
  const stamped = page.getByTestId("print-stamped");
  await expect(stamped).toHaveAttribute("href", new RegExp(`y=${moved}`));
  await page.mouse.move(0, 0);
  await shot(page, "slip-stamp-moved");

  // The handling slip, saved under its Vietnamese name.
  const slipHref = (await page.getByTestId("print-slip").getAttribute("href"))!;
  expect(slipHref).toBe(`/api/documents/${id}/slip?inline=1`);
  const slip = await savePdf(page, slipHref.replace("?inline=1", ""), "slip-pdf");
  expect(slip.response.headers()["content-disposition"]).toContain(
    `attachment; filename="phieu-giai-quyet-${number}.pdf"`,
  );
  expect(slip.text).toContain("PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN");
  expect(slip.text).toContain("ỦY BAN NHÂN DÂN PHƯỜNG ĐỊNH CÔNG");
  expect(slip.text).toContain(`Số đến ${number}`);
  expect(slip.text).toContain(SUBJECT);

  // The copy to print, stamped where the stamp was left.
  const copy = await savePdf(page, (await stamped.getAttribute("href"))!, "slip-stamped-copy");
  expect(copy.response.headers()["content-disposition"]).toContain(
    `filename*=UTF-8''${encodeURIComponent("Công văn 77-UBND-QLĐT-ban-in.pdf")}`,
  );
  expect(copy.text).toContain(`ĐẾN Số: ${number} Ngày: ${dmy(today())}`);

  // On a phone the stamp scales with the page.
  const phone = await browser.newContext({
    storageState: await context.storageState(),
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  const small = await phone.newPage();
  await small.goto(`/documents/${id}`);
  const phonePage = small.locator('[data-testid="pdf-page"][data-page-number="1"]');
  await phonePage.scrollIntoViewIfNeeded();
  await expect(phonePage).toHaveAttribute("data-rendered", "true");
  const phoneStamp = phonePage.getByTestId("arrival-stamp");
  await expect(phoneStamp).toBeVisible();
  const ratio = (await phoneStamp.boundingBox())!.width / (await phonePage.boundingBox())!.width;
  expect(ratio).toBeCloseTo(stampBox.width / pageBox.width, 2);
  await expect(small.getByTestId("print-slip")).toBeVisible();
  await small.evaluate(() => window.scrollTo(0, 0));
  await shot(small, "slip-stamp-overlay-phone");
  await phone.close();
  await context.close();
});
