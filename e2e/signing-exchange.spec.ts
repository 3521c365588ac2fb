import type { Page } from "@playwright/test";
import { accessible } from "./a11y";
import { expect, test } from "./fixtures";
import { issueTo } from "./issue";
import { switchTo, type Staff } from "./people";
import { call } from "./trpc";

const SUBJECT = "V/v tổng hợp kết quả rà soát hộ cận nghèo cuối năm 2026";

/** Issued by Định Công to the district and two wards, through the signature and the seal. */
const issueToThree = (page: Page) =>
  issueTo(page, SUBJECT, ["quận Hoàng Mai", "phường Hoàng Liệt", "Nam Đàn"]);

/** The recipient's clerk opens the document from the "to register" box. */
async function openArrived(page: Page) {
  await page.goto("/incoming?box=to_register");
  // A table row on a computer, a card on a phone: the link that shows.
  const link = page.locator("a:visible", { hasText: SUBJECT.slice(4) });
  await expect(link).toHaveCount(1, { timeout: 20_000 });
  await link.click();
  await expect(page.getByTestId("doc-subject")).toContainText(SUBJECT, { timeout: 20_000 });
}

async function incomingAct(page: Page, id: string, input: unknown) {
  const view = await call<{ document: { version: number } }>(page, "incoming.get", { id });
  await call(
    page,
    "incoming.act",
    { documentId: id, version: view.document.version, input },
    { mutation: true },
  );
}

test("a ward issues to the district and two wards; each registers or refuses it, and the ward sees every status", async ({
  page,
  shot,
}) => {
  test.setTimeout(240_000);
  const sentId = await issueToThree(page);

  // Hoàng Liệt's clerk finds it with its signatures checked and registers it in one step.
  await switchTo(page, "vanthu.hl");
  await openArrived(page);
  const verdicts = page.getByTestId("signature-verdict");
  await expect(verdicts).toHaveCount(2, { timeout: 20_000 });
  for (const verdict of await verdicts.all()) {
    await expect(verdict).toHaveAttribute("data-verdict", "valid");
  }
  await page.getByTestId("action-register").click();
  await expect(page.getByTestId("register-form")).toContainText("Ủy ban nhân dân phường Định Công");
  await shot(page, "exchange-register-dialog");
  await page.getByTestId("register-submit").click();
  await expect(page.getByTestId("action-register")).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByTestId("doc-arrival")).toContainText(/\d/);
  await accessible(page, "registered electronic document");

  // Nam Đàn's clerk, on a phone, refuses it with a reason.
  await page.setViewportSize({ width: 390, height: 844 });
  await switchTo(page, "vanthu.namdan");
  await openArrived(page);
  await page.getByTestId("action-return-sender").click();
  await page.getByTestId("return-sender-reason").fill("Văn bản không gửi đúng địa bàn của xã.");
  await page.getByTestId("return-sender-submit").click();
  await page.getByTestId("return-sender-submit").click();
  await expect(page.getByTestId("return-sender-form")).toHaveCount(0, { timeout: 20_000 });
  await shot(page, "exchange-refused-phone");

  // The district registers it, the leader directs it, it is handled and completed.
  await page.setViewportSize({ width: 1280, height: 900 });
  await switchTo(page, "vanthu.hoangmai");
  await openArrived(page);
  await page.getByTestId("action-register").click();
  await page.getByTestId("register-submit").click();
  await expect(page.getByTestId("action-register")).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByTestId("doc-arrival")).toContainText(/\d/);
  const districtCopy = new URL(page.url()).pathname.split("/").pop()!;
  const leader = (await call<Staff>(page, "directory.staff")).leadership[0]!;
  const clerk = (await call<{ userId: string }>(page, "account.me")).userId;
  await incomingAct(page, districtCopy, { action: "present", leaderId: leader.id });
  await switchTo(page, "lanhdao.hoangmai");
  await incomingAct(page, districtCopy, {
    action: "direct",
    direction: "Văn thư tổng hợp, trả lời phường.",
    lead: { userId: clerk },
    co: [],
    info: [],
  });
  await switchTo(page, "vanthu.hoangmai");
  const handled = await call<{ assignments: { id: string; role: string }[] }>(
    page,
    "incoming.get",
    { id: districtCopy },
  );
  const part = handled.assignments.find((a) => a.role === "lead")!;
  await incomingAct(page, districtCopy, {
    action: "submitResult",
    assignmentId: part.id,
    result: "Đã tổng hợp.",
    files: [],
  });
  await switchTo(page, "lanhdao.hoangmai");
  await incomingAct(page, districtCopy, {
    action: "reviewResult",
    assignmentId: part.id,
    accept: true,
  });

  // Định Công's clerk sees each recipient's status with its history, and sends it again to Nam Đàn.
  await switchTo(page, "vanthu.dc");
  await page.goto(`/documents/${sentId}`);
  const panel = page.getByTestId("deliveries-panel");
  await expect(panel.getByTestId("delivery-row")).toHaveCount(3, { timeout: 20_000 });
  const row = (name: string) => panel.getByTestId("delivery-row").filter({ hasText: name });
  await expect(row("Hoàng Mai").getByTestId("delivery-status")).toHaveText("06 · Hoàn thành");
  await expect(row("Hoàng Mai").getByTestId("delivery-history")).toContainText(
    "04 · Đã giao xử lý",
  );
  await expect(row("Hoàng Liệt").getByTestId("delivery-status")).toHaveText("03 · Đã vào sổ");
  await expect(row("Nam Đàn").getByTestId("delivery-status")).toHaveText("02 · Từ chối");
  await expect(row("Nam Đàn")).toContainText("Văn bản không gửi đúng địa bàn của xã.");
  await panel.scrollIntoViewIfNeeded();
  await shot(page, "exchange-sender-table");
  await accessible(page, "deliveries table");
  await row("Nam Đàn").getByTestId("delivery-resend").click();
  await expect(row("Nam Đàn").getByTestId("delivery-status")).toHaveText("01 · Đã đến", {
    timeout: 20_000,
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await panel.scrollIntoViewIfNeeded();
  await shot(page, "exchange-sender-table-phone");

  // The ward recalls it; Hoàng Liệt accepts on its page, and it leaves Hoàng Liệt's boxes.
  await page.setViewportSize({ width: 1280, height: 900 });
  await panel.getByTestId("delivery-recall-open").click();
  await page.getByTestId("recall-reason").fill("Ban hành nhầm số liệu, sẽ gửi văn bản thay thế.");
  await page.getByTestId("recall-submit").click();
  await expect(row("Hoàng Liệt").getByTestId("delivery-recall")).toHaveText(
    "13 · Đang đề nghị thu hồi",
    { timeout: 20_000 },
  );
  await switchTo(page, "vanthu.hl");
  await page.goto("/incoming?box=to_present");
  await page.locator("a:visible", { hasText: SUBJECT.slice(4) }).click();
  await expect(page.getByTestId("recall-notice")).toContainText("Ban hành nhầm số liệu");
  await shot(page, "exchange-recall-asked");
  await page.getByTestId("recall-accept").click();
  await expect(page.getByTestId("doc-status")).toHaveText("Nơi gửi đã thu hồi", {
    timeout: 20_000,
  });
  await page.goto("/incoming?box=to_present");
  await expect(page.getByTestId("inbox-shown").or(page.getByTestId("inbox-empty"))).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.locator("a:visible", { hasText: SUBJECT.slice(4) })).toHaveCount(0);
  await page.goto("/incoming?box=recalled");
  await expect(page.locator("a:visible", { hasText: SUBJECT.slice(4) })).toHaveCount(1);
  await switchTo(page, "vanthu.dc");
  await page.goto(`/documents/${sentId}`);
  await expect(row("Hoàng Liệt").getByTestId("delivery-status")).toHaveText("15 · Đã thu hồi", {
    timeout: 20_000,
  });
  await shot(page, "exchange-recalled-sender");

  // The same document as an edXML package, brought in by a clerk of another organisation.
  const pkg = await page.request.get(`/api/documents/${sentId}/edxml`);
  expect(pkg.status()).toBe(200);
  expect(pkg.headers()["content-disposition"]).toContain(".edxml");
  const xml = await pkg.body();
  await switchTo(page, "vanthu.hanoi");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/incoming/import");
  await page
    .getByTestId("edxml-dropzone")
    .locator('input[type="file"]')
    .setInputFiles({ name: "van-ban.edxml", mimeType: "application/xml", buffer: xml });
  await expect(page.getByTestId("edxml-received")).toContainText("chờ vào sổ", {
    timeout: 20_000,
  });
  await expect(page.getByTestId("edxml-warnings")).toHaveCount(0);
  await shot(page, "exchange-edxml-imported-phone");
  await accessible(page, "edXML import");
  await page.getByTestId("edxml-open").click();
  await expect(page.getByTestId("doc-subject")).toContainText(SUBJECT, { timeout: 20_000 });
  await expect(page.getByTestId("action-register")).toBeVisible();
});
