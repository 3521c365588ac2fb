import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { accessible } from "./a11y";
import { expect, test } from "./fixtures";
import { letterPdf, registerAndPresent } from "./documents";
import { CHAIR_PIN, SEAL_PIN, switchTo, type Staff } from "./people";
import { call } from "./trpc";

const SUBJECT = "báo cáo tình hình triển khai chữ ký số trên địa bàn phường";
const RETURN_COMMENT = "Đề nghị ghi rõ thời hạn báo cáo và bổ sung nơi nhận.";
const ADDED_LINE = "Thời hạn gửi báo cáo: trước ngày 20/01/2026.";
const BODY = [
  "Thực hiện chỉ đạo của Ủy ban nhân dân quận Hoàng Mai,",
  "Ủy ban nhân dân phường Định Công báo cáo tình hình triển khai chữ ký số như sau:",
  "Toàn bộ lãnh đạo phường đã được cấp chứng thư số; văn bản đi được ký số và phát hành trên hệ thống.",
];
type Shot = (page: Page, name: string) => Promise<void>;

const screenshotDir = path.join(import.meta.dirname, "screenshots");
const INCOMING_SUBJECT = "V/v báo cáo tình hình triển khai chữ ký số";

/**
 * The district's letter the reply answers: registered by the clerk, directed by the chairman to
 * the specialist of the economic unit. Returns its id.
 */
async function incomingToAnswer(page: Page): Promise<string> {
  await page.context().clearCookies();
  const number = String(1000 + Math.floor(Math.random() * 8000));
  const path = await registerAndPresent(page, {
    pdf: await letterPdf(1),
    number,
    subject: INCOMING_SUBJECT,
  });
  const incomingId = path.split("/").pop()!;
  await switchTo(page, "chutich.dc");
  const staff = await call<Staff>(page, "directory.staff");
  const specialist = staff.units
    .flatMap((u) => u.staff)
    .find((p) => p.fullName === "Lê Minh Tuấn")!;
  const view = await call<{ document: { version: number } }>(page, "incoming.get", {
    id: incomingId,
  });
  await call(
    page,
    "incoming.act",
    {
      documentId: incomingId,
      version: view.document.version,
      input: {
        action: "direct",
        direction: "Giao đồng chí Tuấn soạn công văn trả lời.",
        lead: { userId: specialist.id },
      },
    },
    { mutation: true },
  );
  return incomingId;
}

/**
 * The specialist drafts the reply from the letter's page: the form starts linked to it and
 * addressed to its issuer; he writes the subject and body and names the chairman as signer.
 */
async function draftReply(page: Page, incomingId: string, shot: Shot): Promise<string> {
  await page.goto(`/documents/${incomingId}`);
  await expect(page.getByTestId("no-replies")).toBeVisible();
  await page.getByTestId("reply-draft").click();
  await expect(page.getByTestId("answers-notice")).toContainText("Ủy ban nhân dân quận Hoàng Mai");
  await expect(page.getByTestId("addressee")).toContainText("quận Hoàng Mai");
  await page.getByTestId("subject-input").fill(SUBJECT);
  await page.getByTestId("urgency-control").getByText("Khẩn", { exact: true }).click();
  const body = page.getByRole("textbox", { name: "Nội dung văn bản" });
  await body.click();
  for (const [i, line] of BODY.entries()) {
    if (i > 0) await page.keyboard.press("Enter");
    await page.keyboard.type(line);
  }
  await page.getByTestId("signer-select").click();
  await page.getByRole("option", { name: /Nguyễn Đức Thắng/ }).click();
  await page.getByTestId("authority-control").getByText("TM.", { exact: true }).click();
  await shot(page, "outgoing-reply-form");
  await page.getByTestId("draft-submit").click();
  await expect(page.getByTestId("outgoing-page")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("answers-link")).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** The draft's PDF drawn on the page (for a screenshot that shows it). */
async function previewDrawn(page: Page) {
  // Pages are drawn as they come near the view.
  await page.getByTestId("draft-preview").scrollIntoViewIfNeeded();
  await expect(page.getByTestId("draft-preview").locator("canvas").first()).toBeVisible({
    timeout: 20_000,
  });
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Opens a document from "Văn bản đi" (the box given must be the one shown). */
async function openFromOutgoing(page: Page, box: string, screenshot?: () => Promise<void>) {
  await page.goto("/outgoing");
  await expect(page.getByTestId(`outgoing-tab-${box}`)).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId(`outgoing-count-${box}`)).toHaveText("1");
  await screenshot?.();
  await page
    .getByTestId("document-link")
    .filter({ hasText: SUBJECT })
    .filter({ visible: true })
    .click();
  await expect(page.getByTestId("outgoing-page")).toBeVisible();
}

test("a reply is drafted, goes on its route, is returned with a remark, revised, approved, signed on a phone, issued and listed", async ({
  page,
  shot,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const incomingId = await incomingToAnswer(page);

  // The specialist drafts the reply and sends it on the usual road: his unit head, a clerk, the
  // signer.
  await switchTo(page, "chuyenvien.kt");
  const id = await draftReply(page, incomingId, shot);
  await expect(page.getByTestId("doc-subject")).toHaveText(`V/v ${SUBJECT}`);
  await expect(page.getByTestId("asked-title")).toHaveText("Dự thảo chưa trình duyệt");
  await expect(page.getByTestId("route-empty")).toBeVisible();
  await page.getByTestId("action-send").click();
  const route = page.getByTestId("route-form");
  await expect(route.getByTestId("route-edit-step-1")).toHaveAttribute("data-kind", "review");
  await expect(route.getByTestId("route-edit-step-1")).toContainText("Trần Quốc Bảo");
  await expect(route.getByTestId("route-edit-step-2")).toHaveAttribute("data-kind", "format_check");
  await expect(route.getByTestId("route-edit-step-2")).toContainText("Phạm Thị Thu");
  await expect(route.getByTestId("route-edit-step-3")).toHaveAttribute("data-kind", "sign");
  await expect(route.getByTestId("route-edit-step-3")).toContainText("Nguyễn Đức Thắng");
  await shot(page, "outgoing-route-builder");
  await route.getByTestId("route-submit").click();
  await expect(page.getByTestId("doc-status")).toHaveText("Đang trình duyệt");
  const held = page.getByTestId("route-panel").locator('[data-holds="true"]');
  await expect(held).toHaveCount(1);
  await expect(held).toContainText("Trần Quốc Bảo");
  await previewDrawn(page);
  await shot(page, "outgoing-on-route");

  // The head of the unit finds it in "Văn bản đi" and returns it to the drafter with a remark.
  await switchTo(page, "truongphong.kt");
  await openFromOutgoing(page, "draft_review", async () => {
    await shot(page, "outgoing-inbox");
    await accessible(page, "outgoing inbox");
  });
  await expect(page.getByTestId("asked-title")).toHaveText("Dự thảo chờ bạn ký nháy");
  await page.getByTestId("action-return").click();
  await page.getByTestId("return-comment").fill(RETURN_COMMENT);
  await page.getByTestId("return-submit").click();
  await expect(page.getByTestId("doc-status")).toHaveText("Bị trả lại, chờ sửa");
  await expect(page.getByTestId("actions-panel")).toHaveCount(1);
  await expect(page.getByTestId("action-return")).toHaveCount(0);

  // The drafter sees the remark under the version it was made on, revises and sends it again.
  await switchTo(page, "chuyenvien.kt");
  await openFromOutgoing(page, "draft_returned");
  await expect(page.getByTestId("asked-title")).toHaveText("Dự thảo bị trả lại để bạn sửa");
  await expect(page.getByTestId("returned-note")).toContainText(RETURN_COMMENT);
  const onV1 = page.getByTestId("comments-v1");
  await expect(onV1).toContainText("Góp ý trên bản 1");
  await expect(onV1).toContainText(RETURN_COMMENT);
  await expect(onV1).toContainText("Trần Quốc Bảo");
  await expect(page.getByTestId("route-step-1").getByTestId("route-member-comment")).toHaveText(
    RETURN_COMMENT,
  );
  await previewDrawn(page);
  await shot(page, "outgoing-returned");
  await accessible(page, "returned draft");

  await page.getByTestId("action-edit").click();
  const editor = page.getByTestId("edit-draft").getByRole("textbox", { name: "Nội dung văn bản" });
  await expect(editor).toContainText("văn bản đi được ký số");
  await editor.locator("p").last().click();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(ADDED_LINE);
  await page.getByTestId("edit-draft").getByTestId("subject-input").fill(`${SUBJECT} năm 2026`);
  await page.getByTestId("draft-submit").click();
  await expect(page.getByTestId("edit-draft")).toHaveCount(0);
  await expect(page.getByTestId("fact-version")).toContainText("Bản 2");
  await expect(page.getByTestId("doc-subject")).toHaveText(`V/v ${SUBJECT} năm 2026`);
  await page.getByTestId("action-send").click();
  await expect(page.getByTestId("route-edit-step-1")).toContainText("Trần Quốc Bảo");
  await page.getByTestId("route-submit").click();
  await expect(page.getByTestId("doc-status")).toHaveText("Đang trình duyệt");

  // The head compares the two versions, then gives the review mark.
  await switchTo(page, "truongphong.kt");
  await page.goto(`/documents/${id}`);
  await expect(page.getByTestId("asked-title")).toHaveText("Dự thảo chờ bạn ký nháy");
  await page.getByTestId("compare-button").click();
  const result = page.getByTestId("compare-result");
  await expect(result.getByTestId("field-changed")).toHaveText(["Trích yếu"]);
  await expect(result.getByTestId("line-added")).toHaveText(`+${ADDED_LINE}`);
  await previewDrawn(page);
  await shot(page, "outgoing-compare");
  await accessible(page, "outgoing document with a comparison");
  await page.getByTestId("action-approve").click();
  await page.getByTestId("approve-submit").click();
  await expect(page.getByTestId("route-step-1")).toHaveAttribute("data-status", "approved");

  // The clerk checks the format.
  await switchTo(page, "vanthu.dc");
  await openFromOutgoing(page, "draft_review");
  await expect(page.getByTestId("asked-title")).toHaveText("Dự thảo chờ bạn kiểm tra thể thức");
  await page.getByTestId("action-approve").click();
  await page.getByTestId("approve-submit").click();
  await expect(page.getByTestId("route-step-2")).toHaveAttribute("data-status", "approved");

  // The chairman, on his phone, opens it from "Văn bản đi": signing is the first thing offered.
  await page.setViewportSize({ width: 390, height: 844 });
  await switchTo(page, "chutich.dc");
  await page.getByRole("button", { name: "Mở menu" }).click();
  await page.getByRole("link", { name: "Hộp văn bản đi" }).click();
  await expect(page.getByTestId("outgoing-tab-to_sign")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("document-card")).toHaveCount(1);
  await shot(page, "outgoing-inbox-phone");
  await page
    .getByTestId("document-card")
    .filter({ hasText: SUBJECT })
    .getByTestId("document-link")
    .click();
  const actions = page.getByTestId("actions-panel");
  await expect(actions.getByTestId("asked-title")).toHaveText("Văn bản chờ bạn ký ban hành");
  await expect(actions.getByRole("button").first()).toHaveText("Ký ban hành");
  // What is asked comes right after the title, before the route and the draft itself.
  const actionsBox = (await actions.boundingBox())!;
  expect(actionsBox.y).toBeLessThan((await page.getByTestId("route-panel").boundingBox())!.y);
  expect(actionsBox.y).toBeLessThan(844);
  await previewDrawn(page);
  await shot(page, "outgoing-sign-phone");
  await accessible(page, "outgoing document on a phone");

  // His certificate's PIN is chosen at its first signature (here, unless an earlier spec of the
  // run signed with it): chosen twice, a mismatch said at the field; else he enters it.
  const certificate = (
    await call<{ purpose: string; pinSet: boolean }[]>(page, "signing.myCertificates")
  ).find((c) => c.purpose === "person")!;
  await page.getByTestId("action-sign").click();
  await expect(page.getByTestId("pin-certificate")).toContainText("Nguyễn Đức Thắng");
  await expect(page.getByTestId("pin-input")).toHaveAttribute("inputmode", "numeric");
  await expect(page.getByTestId("pin-input")).toHaveAttribute("type", "password");
  await page.getByTestId("pin-input").fill(CHAIR_PIN);
  if (!certificate.pinSet) {
    await expect(page.getByTestId("pin-choose-hint")).toBeVisible();
    await page.getByTestId("pin-repeat").fill("246801");
    await page.getByTestId("pin-submit").click();
    await expect(page.getByText("Hai lần nhập mã PIN không giống nhau.")).toBeVisible();
    await page.getByTestId("pin-repeat").fill(CHAIR_PIN);
  } else {
    await expect(page.getByTestId("pin-repeat")).toHaveCount(0);
  }
  await shot(page, "outgoing-pin-phone");
  await page.getByTestId("pin-submit").click();
  await expect(page.getByTestId("doc-status")).toHaveText("Đã ký, chờ phát hành", {
    timeout: 30_000,
  });
  await expect(page.getByTestId("route-step-3")).toHaveAttribute("data-status", "approved");

  // The clerk numbers and seals it; a wrong PIN is refused at the field with the attempts left.
  await page.setViewportSize({ width: 1280, height: 900 });
  await switchTo(page, "vanthu.dc");
  const seal = (
    await call<{ id: string; purpose: string; pinSet: boolean }[]>(page, "signing.myCertificates")
  ).find((c) => c.purpose === "seal")!;
  if (!seal.pinSet)
    await call(
      page,
      "signing.setPin",
      { certificateId: seal.id, pin: SEAL_PIN },
      { mutation: true },
    );
  await openFromOutgoing(page, "to_issue");
  await expect(page.getByTestId("asked-title")).toHaveText(
    "Văn bản đã ký, chờ bạn cấp số và phát hành",
  );
  await page.getByTestId("action-issue").click();
  await page.getByTestId("pin-input").fill("000000");
  await page.getByTestId("pin-submit").click();
  await expect(page.getByText(/Mã PIN không đúng\. Bạn còn 4 lần thử/)).toBeVisible();
  await page.getByTestId("pin-input").fill(SEAL_PIN);
  await page.getByTestId("pin-submit").click();
  const issued = page.getByTestId("issued-number");
  await expect(issued).toContainText(/Số \d{2}\/UBND-KT/, { timeout: 30_000 });
  await shot(page, "outgoing-issued-number");
  await page.getByTestId("issued-close").click();
  await expect(page.getByTestId("doc-status")).toHaveText("Đã phát hành");
  await expect(page.getByTestId("doc-number")).toContainText("/UBND-KT");
  await expect(page.getByTestId("event-issued")).toBeVisible();
  // The page now shows the signed file itself, both signatures checked by our verifier.
  const verdicts = page.getByTestId("main-file").getByTestId("signature-verdict");
  await expect(verdicts).toHaveCount(2);
  for (const verdict of await verdicts.all()) {
    await expect(verdict).toHaveAttribute("data-verdict", "valid");
  }
  await expect(page.getByTestId("draft-preview")).toHaveCount(0);
  await page.getByTestId("main-file").locator("canvas").first().scrollIntoViewIfNeeded();
  await expect(page.getByTestId("main-file").locator("canvas").first()).toBeVisible({
    timeout: 20_000,
  });
  await shot(page, "outgoing-issued");
  await accessible(page, "issued document");
  const number = (await page.getByTestId("doc-number").textContent())!.match(/\d{2,}\/UBND-KT/)![0];

  // The signed file as any reader gets it, drawn by poppler for a look at the page.
  const mainHref = await page.getByTestId("download-main").getAttribute("href");
  const signed = await page.request.get(mainHref!);
  expect(signed.status()).toBe(200);
  const pdfPath = path.join(screenshotDir, "outgoing-signed.pdf");
  writeFileSync(pdfPath, await signed.body());
  const drawn = spawnSync("pdftoppm", [
    "-png",
    "-r",
    "80",
    "-singlefile",
    pdfPath,
    pdfPath.replace(/\.pdf$/, "-page1"),
  ]);
  expect(drawn.status).toBe(0);
  const pdfsig = spawnSync("pdfsig", [pdfPath], { encoding: "utf8" }).stdout;
  expect(pdfsig.match(/Signature is Valid/g)).toHaveLength(2);
  expect(spawnSync("pdftotext", [pdfPath, "-"], { encoding: "utf8" }).stdout).toContain(number);

  // The outgoing registry lists it with its number and signer.
  await page.goto("/registry-books?book=outgoing");
  const row = page
    .getByTestId("outgoing-book-table")
    .getByTestId("book-row")
    .filter({ hasText: number });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Nguyễn Đức Thắng");
  await shot(page, "outgoing-book-lists-reply");

  // The letter it answers shows its reply, numbered.
  await page.goto(`/documents/${incomingId}`);
  await expect(page.getByTestId("reply")).toContainText(number);
  await expect(page.getByTestId("reply")).toContainText("Đã phát hành");
  await shot(page, "incoming-shows-reply");
});
