import path from "node:path";
import { switchTo, type Staff } from "./people";
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { call } from "./trpc";
import { widthProblems } from "./width";

const TEMPLATE = "Báo cáo gửi Ủy ban nhân dân quận";
const SUBJECT = "báo cáo kết quả rà soát hộ nghèo cuối năm";

/** Notices of earlier saves fade out (their close buttons have no name yet: see the report). */
const noNotices = (page: Page) =>
  expect(page.locator(".mantine-Notification-root")).toHaveCount(0, { timeout: 15_000 });

/** No serious or critical WCAG 2.1 AA violation on the page as it stands. */
async function accessible(page: Page, where: string) {
  await noNotices(page);
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21aa"])
    .analyze();
  const found = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.html.slice(0, 160)).join(" | ")}`);
  expect(found).toEqual([]);
}

/** What the screen shows, for a dialog (a full-page shot would stretch the page behind it). */
async function screenShot(page: Page, name: string) {
  // Notices of earlier saves fade out first, so they do not cover the dialog.
  await noNotices(page);
  await page.screenshot({ path: path.join(import.meta.dirname, "screenshots", `${name}.png`) });
}

/** Picks an option of a Mantine select or multi-select found by its label inside `scope`. */
async function choose(page: Page, scope: Locator, label: string, option: string | RegExp) {
  const field = scope.getByRole("combobox", { name: label });
  await field.click();
  await page.getByRole("option", { name: option }).first().click();
  // A multi-select stays open for more; Escape would close the dialog around it.
  await field.blur();
}

/**
 * As the specialist of the culture and society unit (whose head no other spec counts drafts
 * for): a công văn the chairman is to sign.
 */
async function createDraft(page: Page): Promise<string> {
  const staff = await call<Staff>(page, "directory.staff");
  const chairman = staff.leadership.find((p) => p.fullName === "Nguyễn Đức Thắng")!;
  const unit = staff.units.find((u) => u.shortName === "VHXH")!;
  const created = await call<{ id: string }>(
    page,
    "outgoing.create",
    {
      documentType: "cong_van",
      subject: SUBJECT,
      recipients: [{ kind: "outside", name: "Ủy ban nhân dân quận Hoàng Mai" }],
      copiesTo: ["- Như trên;", "- Lưu: VT, VHXH."],
      signerId: chairman.id,
      signingAuthority: "tm",
      signerTitle: "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
      draftingUnitId: unit.id,
      body: {
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: "Kính gửi quận." }] }],
      },
    },
    { mutation: true },
  );
  return created.id;
}

test("a clerk keeps a route template, and a specialist sending a draft fills its route from it", async ({
  page,
  shot,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });

  // The clerk finds the organisation's templates in the admin menu, the demo ones summarised.
  await switchTo(page, "vanthu.dc");
  await page.goto("/");
  await page.getByRole("link", { name: "Quy trình trình ký mẫu", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/route-templates$/);
  const rows = page.getByTestId("route-template-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "Công văn thông thường" })).toContainText(
    "Ký nháy (Trưởng phòng) → Kiểm tra thể thức (Văn thư) → Ký ban hành (Lãnh đạo)",
  );

  // A new template: the usual road, signed by the deputy chair by name.
  await page.getByTestId("create-route-template").click();
  const form = page.getByTestId("route-template-form");
  await form.getByTestId("route-template-name").fill(TEMPLATE);
  await expect(form.getByTestId("template-step-1")).toHaveAttribute("data-kind", "review");
  const signStep = form.getByTestId("template-step-3");
  await expect(signStep).toHaveAttribute("data-kind", "sign");
  await choose(page, signStep, "Theo vai trò", "Không theo vai trò");
  await choose(page, signStep, "Người cụ thể", /Hoàng Thị Mai/);
  await screenShot(page, "route-template-form");
  await accessible(page, "template dialog");
  await form.getByTestId("route-template-submit").click();
  await expect(form).toHaveCount(0);
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: TEMPLATE })).toContainText(
    "Ký nháy (Trưởng phòng) → Kiểm tra thể thức (Văn thư) → Ký ban hành (Hoàng Thị Mai)",
  );
  await shot(page, "route-templates-admin");
  await accessible(page, "templates page");

  // A second template of the same name, whatever its case, is refused on the name field.
  await page.getByTestId("create-route-template").click();
  await form.getByTestId("route-template-name").fill(TEMPLATE.toUpperCase());
  await form.getByTestId("route-template-submit").click();
  await expect(form.getByText("Cơ quan đã có quy trình mẫu mang tên này")).toBeVisible();
  await form.getByRole("button", { name: "Hủy" }).click();
  await expect(form).toHaveCount(0);

  // On a phone: every row a card, nothing wider than the screen, the dialog over the whole screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(rows.first()).toBeVisible();
  // A notice sliding out to the right widens the page while it goes; the page itself is measured.
  await noNotices(page);
  await expect.poll(() => widthProblems(page)).toEqual([]);
  await shot(page, "route-templates-admin-phone");
  await rows.filter({ hasText: TEMPLATE }).getByTestId("edit-route-template").click();
  await expect(form.getByTestId("template-step-3")).toContainText("Hoàng Thị Mai");
  await screenShot(page, "route-template-form-phone");
  await form.getByRole("button", { name: "Hủy" }).click();
  await expect(form).toHaveCount(0);

  // The specialist sends a draft: the template fills the route, the drafter's unit head and the
  // clerks resolved, and it can still be changed.
  await page.setViewportSize({ width: 1280, height: 900 });
  await switchTo(page, "chuyenvien.vhxh");
  const id = await createDraft(page);
  await page.goto(`/documents/${id}`);
  await page.getByTestId("action-send").click();
  const route = page.getByTestId("route-form");
  await expect(route.getByTestId("route-edit-step-3")).toContainText("Nguyễn Đức Thắng");

  // "Quyết định" leaves the leader who reviews to the drafter.
  await choose(page, route, "Chọn quy trình mẫu", "Quyết định");
  await expect(route.getByTestId("route-edit-step-4")).toHaveAttribute("data-kind", "sign");
  await expect(route.getByTestId("route-template-filled")).toContainText(
    "Hãy chọn người cho các bước còn trống",
  );

  await choose(page, route, "Chọn quy trình mẫu", TEMPLATE);
  await expect(route.getByTestId("route-edit-step-4")).toHaveCount(0);
  await expect(route.getByTestId("route-edit-step-1")).toContainText("Vũ Thị Lan");
  await expect(route.getByTestId("route-edit-step-2")).toContainText("Phạm Thị Thu");
  await expect(route.getByTestId("route-edit-step-3")).toContainText("Hoàng Thị Mai");
  await expect(route.getByTestId("route-edit-step-3")).not.toContainText("Nguyễn Đức Thắng");
  await expect(route.getByTestId("route-template-filled")).toHaveText(
    `Đã điền các bước theo «${TEMPLATE}».`,
  );
  await screenShot(page, "route-builder-template");
  await accessible(page, "route builder filled from a template");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenShot(page, "route-builder-template-phone");
  await page.setViewportSize({ width: 1280, height: 900 });

  await route.getByTestId("route-submit").click();
  await expect(page.getByTestId("doc-status")).toHaveText("Đang trình duyệt");
  await expect(page.getByTestId("route-step-3")).toContainText("Hoàng Thị Mai");
  await expect(page.getByTestId("route-step-1")).toContainText("Vũ Thị Lan");

  // Taken out of use after a confirmation, the template leaves the list; the draft keeps its route.
  await switchTo(page, "vanthu.dc");
  await page.goto("/admin/route-templates");
  await rows.filter({ hasText: TEMPLATE }).getByTestId("deactivate-route-template").click();
  await expect(page.getByRole("dialog")).toContainText(`Quy trình «${TEMPLATE}» sẽ không còn`);
  await page.getByTestId("confirm-route-template-deactivate").click();
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: TEMPLATE })).toHaveCount(0);
});
