import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import {
  createIssuingCa,
  createRootCa,
  issuePersonCertificate,
  parseCrl,
  wrapPkcs12,
} from "@/server/signing/pki";
import { expect, shot, signIn, test } from "./fixtures";
import { widthProblems } from "./width";

// The deployment admin's certificates page and a leader's own signature, on the built app. The
// people used here sign nothing in the other specs: Hoàng Mai's chairman and Hà Nội's leader.

const PASSWORD = "MatKhauXuat2026";

async function accessible(page: Page, where: string) {
  // The notices come and go by themselves; the page is checked without them (their close
  // button, unnamed, belongs to the app's notice system, not to this page).
  for (const close of await page.locator(".mantine-Notification-closeButton").all()) {
    await close.click().catch(() => undefined);
  }
  await expect(page.locator(".mantine-Notification-root")).toHaveCount(0);
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21aa"])
    .analyze();
  const found = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.html.slice(0, 160)).join(" | ")}`);
  expect(found).toEqual([]);
}

/** A full-page picture from the top, so the page's header sits where it belongs. */
async function top(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, name);
}

async function fits(page: Page, where: string) {
  await expect.poll(() => widthProblems(page), where).toEqual([]);
}

/** A key file as a public CA would hand it to a leader: their key, certificate and chain. */
async function outsideKeyFile(): Promise<Buffer> {
  const root = await createRootCa({
    commonName: "CA Thử nghiệm Quốc gia",
    organizationName: "Tổ chức Chứng thực Thử nghiệm",
    keyBits: 2048,
  });
  const issuing = await createIssuingCa({
    root,
    commonName: "CA Thử nghiệm Cấp 2",
    organizationName: "Tổ chức Chứng thực Thử nghiệm",
    keyBits: 2048,
  });
  const leader = await issuePersonCertificate({
    issuer: issuing,
    fullName: "Phan Đình Khôi",
    title: "Phó Chủ tịch",
    organizationName: "Ủy ban nhân dân Thành phố Hà Nội",
    organizationCode: "000.00.00.H26",
    crlDistributionPointUrl: "http://ca.example.vn/crl",
    keyBits: 2048,
  });
  return wrapPkcs12({
    key: leader.privateKey,
    certificate: leader.certificate,
    chain: [issuing.certificate, root.certificate],
    pin: PASSWORD,
  });
}

async function phone(browser: Browser, username: string) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

/** A stroke of a finger across the box, as the touch screen reports it. */
async function fingerStroke(page: Page, points: [number, number][]) {
  const cdp = await page.context().newCDPSession(page);
  const box = (await page.getByTestId("signature-pad").boundingBox())!;
  const at = ([x, y]: [number, number]) => ({
    x: box.x + x * box.width,
    y: box.y + y * box.height,
  });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [at(points[0]!)] });
  for (const point of points.slice(1)) {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [at(point)] });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

test("the admin issues and revokes a certificate; a leader imports one whose CA the admin approves", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "quantri");
  await page.getByRole("link", { name: "Chữ ký số" }).first().click();
  await expect(page).toHaveURL(/\/admin\/signing/);

  // Hoàng Mai has no certificate yet: the list says so and offers to issue one.
  await page.getByTestId("signing-organisation").click();
  await page.getByTestId("signing-organisation").fill("hoang mai");
  await page.getByRole("option", { name: /Ủy ban nhân dân quận Hoàng Mai/ }).click();
  await expect(page).toHaveURL(/organisationId=/);
  await expect(page.getByTestId("certificates-empty")).toBeVisible();
  await expect(page.getByTestId("seal-image-state")).toHaveText("Tự động từ tên cơ quan");
  await top(page, "signing-admin-empty");

  await page.getByTestId("issue-certificate").first().click();
  await page.getByTestId("issue-leader").click();
  await page.getByRole("option", { name: /Bùi Xuân Trường/ }).click();
  await expect(page.getByTestId("issue-title")).toHaveValue("Chủ tịch UBND quận");
  await page.getByTestId("issue-title").fill("Chủ tịch");
  await page.getByTestId("issue-submit").click();
  const row = page.locator('[data-testid^="certificate-row-"]').first();
  await expect(row).toContainText("Bùi Xuân Trường");
  await expect(row).toContainText("Chủ tịch");
  await expect(row).toContainText("Đang hiệu lực");
  await expect(row).toContainText("Chờ đặt PIN lần đầu");
  await fits(page, "certificates at 1280");
  await accessible(page, "certificates");
  await top(page, "signing-admin-certificates");

  // Revoking asks why; without a reason nothing happens.
  const serial = (await row.getAttribute("data-testid"))!.replace("certificate-row-", "");
  await row.getByTestId("revoke-certificate").click();
  await page.getByTestId("revoke-submit").click();
  await expect(page.getByTestId("revoke-form")).toContainText("Trường này là bắt buộc.");
  await page.getByTestId("revoke-reason").fill("Chuyển công tác");
  await page.getByTestId("revoke-submit").click();
  await expect(page.getByTestId("revoke-form")).toBeHidden();
  await expect(row).toContainText("Đã thu hồi");
  await expect(row).toContainText("Chuyển công tác");
  const crl = await page.request.get("/api/ca/crl");
  expect(crl.status()).toBe(200);
  expect(parseCrl(Buffer.from(await crl.body())).revoked.map((r) => r.serial)).toContain(serial);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(row).toContainText("Đã thu hồi");
  await fits(page, "certificates at 390");
  await top(page, "signing-admin-certificates-phone");
  await page.setViewportSize({ width: 1280, height: 900 });

  // The leader brings a key from an outside CA: a wrong password is said at its field.
  const leader = await browser.newPage();
  await leader.setViewportSize({ width: 1280, height: 900 });
  await signIn(leader, "lanhdao.hanoi");
  await leader.goto("/account");
  await expect(leader.getByTestId("no-certificate")).toBeVisible();
  await leader.getByTestId("import-certificate").click();
  const file = {
    name: "khoi.p12",
    mimeType: "application/x-pkcs12",
    buffer: await outsideKeyFile(),
  };
  await leader.getByTestId("import-form").locator('input[type="file"]').setInputFiles(file);
  await leader.getByTestId("import-password").fill("MatKhauSai");
  await leader.getByTestId("import-pin").fill("246810");
  await leader.getByTestId("import-pin-repeat").fill("246810");
  await leader.getByTestId("import-submit").click();
  await expect(leader.getByTestId("import-form")).toContainText("Mật khẩu không mở được tệp khóa");
  await top(leader, "signing-import-wrong-password");
  await leader.getByTestId("import-password").fill(PASSWORD);
  await leader.getByTestId("import-submit").click();
  await expect(leader.getByTestId("import-form")).toBeHidden();
  await expect(leader.getByTestId("my-certificate")).toContainText("Phan Đình Khôi");
  await expect(leader.getByTestId("my-certificate")).toContainText("CA bên ngoài");
  await expect(leader.getByTestId("my-certificate")).toContainText("Đã đặt mã PIN");
  await leader.close();

  // The admin compares the fingerprint and approves the root.
  await page.getByTestId("tab-anchors").click();
  await expect(page).toHaveURL(/tab=anchors/);
  const anchor = page
    .locator('[data-testid^="anchor-row-"]')
    .filter({ hasText: "CA Thử nghiệm Quốc gia" });
  await expect(anchor).toContainText("Chờ phê duyệt");
  await expect(anchor).toContainText("Phan Đình Khôi");
  await fits(page, "trust anchors at 1280");
  await accessible(page, "trust anchors");
  await top(page, "signing-admin-anchors");
  await anchor.getByTestId("approve-anchor").click();
  await page.getByTestId("confirm-anchor-decision").click();
  await expect(anchor).toContainText("Đã tin cậy");
  await expect(anchor).toContainText("Đặng Văn Hệ");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(anchor).toContainText("Đã tin cậy");
  await fits(page, "trust anchors at 390");
  await top(page, "signing-admin-anchors-phone");
});

test("a leader signs on a phone with a finger, and the account page shows the signature", async ({
  browser,
}) => {
  const page = await phone(browser, "lanhdao.hanoi");
  await page.goto("/account");
  const card = page.getByTestId("signature-image-card");
  await expect(card.getByTestId("signature-image-stand-in")).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await fits(page, "account at 390");
  await top(page, "signing-account-phone");

  await card.getByTestId("signature-image-draw").click();
  // Saving an empty box is refused before anything is sent.
  await page.getByTestId("signature-pad-save").click();
  await expect(page.getByTestId("signature-pad-error")).toHaveText("Bạn chưa ký vào ô.");
  await fingerStroke(page, [
    [0.1, 0.7],
    [0.2, 0.3],
    [0.3, 0.75],
    [0.45, 0.35],
    [0.6, 0.7],
    [0.75, 0.3],
    [0.9, 0.55],
  ]);
  await fingerStroke(page, [
    [0.2, 0.85],
    [0.5, 0.8],
    [0.8, 0.85],
  ]);
  await top(page, "signing-draw-phone");
  await page.getByTestId("signature-pad-save").click();
  await expect(page.getByText("Đã lưu ảnh chữ ký.")).toBeVisible();
  await expect(card.getByTestId("signature-image-stand-in")).toBeHidden();
  await expect(card.getByTestId("signature-image-preview")).toHaveAttribute(
    "alt",
    "Ảnh chữ ký của bạn",
  );
  await top(page, "signing-account-signed-phone");

  // The picture kept is the transparent PNG drawn, at the box's size.
  const kept = await page.evaluate(async () => {
    const img = document.querySelector<HTMLImageElement>(
      '[data-testid="signature-image-preview"]',
    )!;
    await img.decode();
    return { width: img.naturalWidth, height: img.naturalHeight, src: img.src.slice(0, 22) };
  });
  expect(kept).toEqual({ width: 600, height: 240, src: "data:image/png;base64," });

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.reload();
  await expect(page.getByTestId("signature-image-preview")).toBeVisible();
  await accessible(page, "account");
  await top(page, "signing-account");
  await page.context().close();
});
