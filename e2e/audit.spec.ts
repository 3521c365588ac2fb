import type { APIRequestContext, Page } from "@playwright/test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { addDays, vietnamToday } from "@/lib/dates";
import { expect, test } from "./fixtures";

const SECRET_SUBJECT = "Kế hoạch bảo vệ mục tiêu trọng điểm";
const ORDINARY_SUBJECT = "V/v tổ chức hội nghị tổng kết công tác năm";
const ddMMyyyy = (day: string) => day.split("-").reverse().join("/");

async function query<T>(page: Page, path: string, input: unknown): Promise<T> {
  const res = await page.request.get(
    `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
  );
  expect(res.status(), path).toBe(200);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

async function mutate(request: APIRequestContext, path: string, input: unknown) {
  const res = await request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return ((await res.json()) as { result: { data: { json: unknown } } }).result.data.json;
}

/** The clerk registers a document through the endpoints the reception form uses. */
async function register(clerk: Page, subject: string, confidentiality: "normal" | "secret") {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage().drawText(`Van ban ${confidentiality}`, { x: 40, y: 780, size: 12, font });
  const uploaded = await clerk.request.post("/api/files", {
    data: Buffer.from(await pdf.save()),
    headers: { "content-type": "application/pdf", "x-file-name": "van-ban.pdf" },
  });
  expect(uploaded.status()).toBe(201);
  const { sha256 } = (await uploaded.json()) as { sha256: string };
  return (await mutate(clerk.request, "reception.receive", {
    issuerName: "Công an thành phố Hà Nội",
    codeNumber: confidentiality === "secret" ? "91" : "92",
    codeNotation: "CAHN-PV01",
    documentType: "ke_hoach",
    subject,
    documentDate: vietnamToday(),
    confidentiality,
    files: [{ sha256, fileName: "van-ban.pdf", kind: "main" }],
  })) as { id: string; registryNumber: number };
}

/** Picks an option of a Mantine select by typing part of it. */
async function choose(page: Page, testId: string, typed: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).fill(typed);
  await page.getByRole("option", { name: option, exact: true }).click();
}

const noSideScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test.describe("the audit log", () => {
  test("reads as sentences, is filtered through its address, and opens each event's data", async ({
    page,
    browser,
    signIn,
    shot,
  }) => {
    const clerk = await (await browser.newContext()).newPage();
    await signIn(clerk, "vanthu.dc");
    const ordinary = await register(clerk, ORDINARY_SUBJECT, "normal");
    const secret = await register(clerk, SECRET_SUBJECT, "secret");

    // The admin makes a specialist a unit head.
    await signIn(page, "quantri.dc");
    const { items } = await query<{ items: Record<string, unknown>[] }>(page, "users.list", {
      query: "chuyenvien.kt",
    });
    const tuan = items[0]!;
    expect(tuan.roles).toEqual(["specialist"]);
    await mutate(page.request, "users.update", {
      id: tuan.id,
      version: tuan.version,
      fullName: tuan.fullName,
      email: tuan.email,
      jobTitle: tuan.jobTitle,
      unitId: tuan.unitId,
      roles: ["unit_head"],
    });

    try {
      await page.goto("/admin/audit");
      const table = page.getByTestId("audit-table");
      const sentences = table.getByTestId("audit-sentence");
      await expect(sentences.first()).toHaveText(
        "Nguyễn Văn Quản đổi vai trò của Lê Minh Tuấn từ Chuyên viên thành Trưởng đơn vị.",
      );
      await expect(table.getByRole("link", { name: "Lê Minh Tuấn" }).first()).toHaveAttribute(
        "href",
        "/admin/users?q=chuyenvien.kt",
      );
      await expect(table).toContainText(
        `Phạm Thị Thu vào sổ văn bản đến số ${ordinary.registryNumber} «${ORDINARY_SUBJECT}».`,
      );
      // The secret document: who and what kind of thing, not what.
      await expect(table).toContainText(
        "Phạm Thị Thu: «Vào sổ văn bản đến» trên một văn bản mật mà bạn không được giao",
      );
      await expect(table).not.toContainText(SECRET_SUBJECT);
      expect(await noSideScroll(page)).toBe(true);

      // By person: only what the clerk did, kept in the address.
      await choose(page, "audit-filter-actor", "thu", "Phạm Thị Thu");
      await expect(page).toHaveURL(/actor=/);
      await expect(sentences.first()).toContainText("Phạm Thị Thu");
      for (const text of await sentences.allTextContents()) expect(text).toMatch(/^Phạm Thị Thu/);

      // By action group, then one record from an event's details.
      await choose(page, "audit-filter-action", "van ban den", "Mọi thao tác: Văn bản đến");
      await expect(page).toHaveURL(/action=incoming/);
      const row = table.getByTestId("audit-row").filter({ hasText: ORDINARY_SUBJECT }).first();
      await expect(row.getByTestId("audit-details")).toBeHidden();
      await row.getByTestId("audit-details-toggle").click();
      await expect(row.getByTestId("audit-details-toggle")).toHaveAttribute(
        "aria-expanded",
        "true",
      );
      await expect(row.getByTestId("audit-data")).toContainText('"registryNumber"');
      await expect(row.getByTestId("audit-details")).toContainText(ordinary.id);
      // Under a full run's load the first click is at times lost while the details open (the
      // filter is not applied); it is clicked again until the view narrows.
      await expect(async () => {
        await row.getByTestId("audit-only-record").click();
        await expect(page).toHaveURL(new RegExp(`type=document&record=${ordinary.id}`), {
          timeout: 2_000,
        });
      }).toPass({ timeout: 15_000 });
      await expect(page.getByTestId("audit-filter-record")).toHaveValue(ordinary.id);
      await expect(table.getByTestId("audit-row")).toHaveCount(1);
      await shot(page, "audit-log-filtered");
      // Back returns to the wider view.
      await page.goBack();
      await expect(page.getByTestId("audit-filter-record")).toHaveValue("");
      await expect(page).toHaveURL(/action=incoming/);
      await expect(table.getByTestId("audit-row")).toHaveCount(2);

      // A secret event's details stay withheld when opened.
      await page.goto(`/admin/audit?record=${secret.id}`);
      const withheld = table.getByTestId("audit-row").first();
      await withheld.getByTestId("audit-details-toggle").click();
      await expect(withheld.getByTestId("audit-redacted")).toContainText(
        "Chi tiết được ẩn: văn bản mật",
      );
      await expect(withheld.getByTestId("audit-data")).toHaveCount(0);

      // A shared address opens the same view; the filters show what it is filtered by.
      const today = vietnamToday();
      // (Other specs create and change other accounts today: this view names Lê Minh Tuấn's record.)
      await page.goto(
        `/admin/audit?action=user&type=user&record=${String(tuan.id)}&from=${today}&to=${today}`,
      );
      await expect(page.getByTestId("audit-filter-action")).toHaveValue("Mọi thao tác: Tài khoản");
      await expect(page.getByTestId("audit-filter-from")).toHaveValue(ddMMyyyy(today));
      await expect(sentences).toHaveCount(1);
      await sentences.first().getByRole("link", { name: "Lê Minh Tuấn" }).click();
      await expect(page).toHaveURL(/\/admin\/users\?q=chuyenvien\.kt/);
      await expect(page.getByTestId("user-search")).toHaveValue("chuyenvien.kt");
      await expect(page.getByTestId("user-row-chuyenvien.kt")).toBeVisible();
    } finally {
      // The other specs work with Lê Minh Tuấn as the specialist he is in the demo.
      const { items: after } = await query<{ items: Record<string, unknown>[] }>(
        page,
        "users.list",
        {
          query: "chuyenvien.kt",
        },
      );
      const promoted = after[0]!;
      await mutate(page.request, "users.update", {
        id: promoted.id,
        version: promoted.version,
        fullName: promoted.fullName,
        email: promoted.email,
        jobTitle: promoted.jobTitle,
        unitId: promoted.unitId,
        roles: ["specialist"],
      });
    }
  });

  test("says what is wrong with a filter, and why nothing matches", async ({
    page,
    signIn,
    shot,
  }) => {
    await signIn(page, "quantri.dc");
    await page.goto("/admin/audit?record=abc&to=2026-02-31");
    await expect(page.getByTestId("audit-error")).toContainText("Dữ liệu chưa hợp lệ");
    const record = page.getByTestId("audit-filter-record");
    await expect(record).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Giá trị không hợp lệ.")).toBeVisible();
    await expect(page.getByText("Ngày này không có trên lịch.").first()).toBeVisible();
    await shot(page, "audit-log-bad-filter");

    // An end before the start is said on the field as it is typed.
    await page.getByTestId("audit-clear-filters").click();
    await expect(page).toHaveURL(/\/admin\/audit$/);
    const today = vietnamToday();
    await page.getByTestId("audit-filter-from").fill(ddMMyyyy(today));
    await page.getByTestId("audit-filter-to").fill(ddMMyyyy(addDays(today, -1)));
    await page.getByTestId("audit-filter-to").blur();
    await expect(page.getByText(`Đến ngày phải từ ${ddMMyyyy(today)} trở đi.`)).toBeVisible();

    // Days with no event: an empty state that says so, and clears.
    await page.getByTestId("audit-filter-to").fill("");
    await page.getByTestId("audit-filter-from").fill(ddMMyyyy(addDays(today, 1)));
    await page.getByTestId("audit-filter-from").blur();
    await expect(page.getByTestId("audit-no-match")).toContainText(
      "Không có sự kiện nào khớp bộ lọc.",
    );
    await page.getByTestId("audit-no-match").getByRole("button").click();
    await expect(page.getByTestId("audit-table")).toBeVisible();
    await expect(page.getByTestId("audit-filter-from")).toHaveValue("");
    await expect(page.getByTestId("audit-filter-to")).toHaveValue("");

    await page.getByTestId("verify-chain").click();
    await expect(page.getByTestId("chain-ok")).toContainText("Chuỗi nhật ký nguyên vẹn");
    await shot(page, "audit-log");
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(await noSideScroll(page)).toBe(true);
  });

  test("shows cards on a phone, with the same sentences and details", async ({
    page,
    signIn,
    shot,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, "quantri.dc");
    await page.goto("/admin/audit?action=incoming");
    const cards = page.getByTestId("audit-cards");
    await expect(cards.getByTestId("audit-card").first()).toBeVisible();
    await expect(page.getByTestId("audit-table")).toBeHidden();
    await expect(cards).toContainText("trên một văn bản mật mà bạn không được giao");
    const card = cards.getByTestId("audit-card").filter({ hasText: ORDINARY_SUBJECT }).first();
    await card.getByTestId("audit-details-toggle").click();
    await expect(card.getByTestId("audit-data")).toBeVisible();
    expect(await noSideScroll(page)).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, "audit-log-phone");
  });
});
