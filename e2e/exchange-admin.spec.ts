import { createRootCa } from "@/server/signing/pki";
import { accessible } from "./a11y";
import { expect, shot, signIn, test } from "./fixtures";
import { widthProblems } from "./width";

// The deployment admin sets up a peer deployment and watches the outbox, on a computer and on a
// phone, in Vietnamese and in English.

test("the deployment admin sets up a peer deployment and sees the outbox", async ({ page }) => {
  test.setTimeout(120_000);
  const peerRoot = await createRootCa({
    commonName: "CA Hệ thống quản lý văn bản tỉnh Nghệ An",
    organizationName: "Văn phòng UBND tỉnh Nghệ An",
    keyBits: 2048,
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "quantri");
  await page.goto("/admin/exchange");
  await expect(page.getByRole("heading", { name: "Liên thông hệ thống" })).toBeVisible();
  // What the peer's admin needs: our address and our root.
  await expect(page.getByTestId("exchange-identity")).toContainText("Địa chỉ:");
  await expect(page.getByTestId("copy-certificate")).toBeVisible();
  await expect(page.getByTestId("peers-empty")).toBeVisible();
  await accessible(page, "exchange, empty");
  await shot(page, "exchange-admin-empty");

  await page.getByTestId("peers-empty").getByTestId("add-peer").click();
  const form = page.getByTestId("peer-form");
  await form.getByTestId("peer-name").fill("Hệ thống quản lý văn bản tỉnh Nghệ An");
  await form.getByTestId("peer-url").fill("ftp://vanban.nghean.example");
  await form.getByTestId("peer-certificate").fill("không phải chứng thư");
  await form.getByTestId("peer-submit").click();
  await expect(form).toContainText("Địa chỉ phải bắt đầu bằng http://");
  await form.getByTestId("peer-url").fill("https://vanban.nghean.example");
  await form.getByTestId("peer-submit").click();
  await expect(form).toContainText("Không đọc được chứng thư số");
  await form.getByTestId("peer-certificate").fill(peerRoot.certificate.toString());
  // An organisation with people here cannot be hosted elsewhere.
  await form.getByTestId("peer-organisations").click();
  await page.keyboard.type("dinh cong");
  await page
    .getByRole("option", { name: /Định Công/ })
    .first()
    .click();
  await page.keyboard.press("Escape");
  await form.getByTestId("peer-submit").click();
  await expect(form).toContainText(
    "Ủy ban nhân dân phường Định Công có người dùng trên hệ thống này",
  );
  await shot(page, "exchange-admin-refused");
  await form.getByTestId("peer-organisations").focus();
  await page.keyboard.press("Backspace");
  await form.getByTestId("peer-submit").click();
  await expect(form).toBeHidden();
  const row = page.getByTestId("peer-row");
  await expect(row).toContainText("Hệ thống quản lý văn bản tỉnh Nghệ An");
  await expect(row).toContainText("https://vanban.nghean.example");
  await expect(row).toContainText("CA Hệ thống quản lý văn bản tỉnh Nghệ An");
  await expect(row).toContainText("Đang hoạt động");
  await accessible(page, "exchange, one peer");
  await shot(page, "exchange-admin-peer");

  await page.getByTestId("exchange-tabs").getByText("Hàng đợi gửi").click();
  await expect(page.getByTestId("outbox-empty")).toBeVisible();
  await shot(page, "exchange-admin-outbox-empty");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId("exchange-tabs").getByText("Hệ thống liên thông").click();
  await expect(page.getByTestId("peer-row")).toBeVisible();
  await expect.poll(() => widthProblems(page), "exchange at 390").toEqual([]);
  await shot(page, "exchange-admin-phone");
  await page.getByTestId("edit-peer").click();
  await expect(page.getByTestId("peer-form")).toBeVisible();
  await shot(page, "exchange-admin-phone-form");
  await page.getByRole("button", { name: "Hủy" }).click();

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByText("EN", { exact: true }).click();
  await expect(
    page.getByRole("heading", { name: "Exchange with other deployments" }),
  ).toBeVisible();
  await expect(page.getByTestId("peer-row")).toContainText("Active");
  await shot(page, "exchange-admin-english");
  await page.getByText("VI", { exact: true }).click();
  await expect(page.getByRole("heading", { name: "Liên thông hệ thống" })).toBeVisible();
});
