import { PDFDocument, StandardFonts } from "pdf-lib";
import type { Browser } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import { call } from "./trpc";
import { widthProblems } from "./width";

// The widths people use: a phone held upright, and the most common laptop screen.
const phone = { width: 390, height: 844 };
const computer = { width: 1366, height: 768 };
const sizes = [
  { name: "phone", viewport: phone },
  { name: "computer", viewport: computer },
] as const;

const pages = [
  { name: "admin-users", user: "quantri.dc", path: "/admin/users", ready: "users-table" },
  { name: "admin-units", user: "quantri.dc", path: "/admin/units", ready: "units-table" },
  {
    name: "admin-registries",
    user: "quantri.dc",
    path: "/admin/registries",
    ready: "registries-table",
  },
  {
    name: "registry-book",
    user: "vanthu.dc",
    path: "/registry-books?book=incoming",
    inBook: true,
    ready: "incoming-book-table",
  },
  {
    name: "follow-up-book",
    user: "vanthu.dc",
    path: "/registry-books?book=follow_up",
    inBook: true,
    ready: "follow-up-book-table",
  },
  { name: "handling-report", user: "vanthu.dc", path: "/reports", ready: "handling-table" },
] as const;

const LONG_SUBJECT =
  "V/v triển khai thực hiện Kế hoạch số 125/KH-UBND ngày 15/3/2026 của Ủy ban nhân dân thành " +
  "phố về chuyển đổi số, phát triển chính quyền số, kinh tế số và xã hội số trên địa bàn phường " +
  "năm 2026, trong đó yêu cầu các phòng, ban, đơn vị rà soát, cập nhật danh mục thủ tục hành " +
  "chính đủ điều kiện cung cấp dịch vụ công trực tuyến toàn trình, số hóa hồ sơ, kết quả giải " +
  "quyết thủ tục hành chính và báo cáo kết quả thực hiện trước ngày 30 hằng tháng";

// The documents go to a book of their own, so that the default book's numbers, which other
// specs count on, stay theirs.
const BOOK_NAME = "Sổ văn bản đến của HĐND phường";
let bookId = "";

type Person = { id: string; fullName: string };
type Directory = {
  leadership: Person[];
  units: { id: string; shortName: string; staff: Person[] }[];
};

/**
 * A few documents so that the books and the report have rows: one with a long subject that the
 * chair directs to two units, the others left with the clerk.
 */
async function registerDocuments(browser: Browser) {
  const clerk = await (await browser.newContext()).newPage();
  await signIn(clerk, "vanthu.dc");
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage().drawText("Van ban den", { x: 40, y: 780, size: 12, font });
  const uploaded = await clerk.request.post("/api/files", {
    data: Buffer.from(await pdf.save()),
    headers: { "content-type": "application/pdf", "x-file-name": "van-ban.pdf" },
  });
  expect(uploaded.status()).toBe(201);
  const { sha256 } = (await uploaded.json()) as { sha256: string };
  const today = new Date().toLocaleDateString("en-CA", { timeZone: "Asia/Ho_Chi_Minh" });
  const nextMonth = new Date(Date.now() + 30 * 86_400_000).toLocaleDateString("en-CA", {
    timeZone: "Asia/Ho_Chi_Minh",
  });
  const documents = [
    {
      issuerName: "Ủy ban nhân dân thành phố Hà Nội",
      codeNumber: "1234",
      codeNotation: "UBND-KGVX",
      documentType: "cong_van",
      subject: LONG_SUBJECT,
      deadline: nextMonth,
    },
    {
      issuerName: "Sở Tài chính thành phố Hà Nội",
      codeNumber: "87",
      codeNotation: "STC-NS",
      documentType: "thong_bao",
      subject: "Thông báo thẩm định quyết toán ngân sách năm 2025",
      urgency: "urgent",
    },
    {
      issuerName: "Công an quận Hoàng Mai",
      codeNumber: "56",
      codeNotation: "CAQ-PC07",
      documentType: "ke_hoach",
      subject: "Kế hoạch kiểm tra phòng cháy, chữa cháy tại các khu dân cư",
    },
  ];
  // A retried worker comes here again: the book is made once, the documents confirmed as new.
  const books = await call<{ id: string; name: string }[]>(clerk, "registries.list", {});
  bookId =
    books.find((b) => b.name === BOOK_NAME)?.id ??
    (
      await call<{ id: string }>(
        clerk,
        "registries.create",
        { name: BOOK_NAME, kind: "incoming", periodKind: "year", isDefault: false },
        { mutation: true },
      )
    ).id;
  const received: { id: string }[] = [];
  for (const document of documents) {
    received.push(
      await call<{ id: string }>(
        clerk,
        "reception.receive",
        {
          ...document,
          documentDate: today,
          registryId: bookId,
          acknowledgeDuplicate: true,
          files: [{ sha256, fileName: "van-ban.pdf", kind: "main" }],
        },
        { mutation: true },
      ),
    );
  }

  const directory = await call<Directory>(clerk, "directory.staff");
  const chair = directory.leadership.find((p) => p.fullName === "Nguyễn Đức Thắng")!;
  const unit = (shortName: string) => directory.units.find((u) => u.shortName === shortName)!.id;
  const first = received[0]!.id;
  const presented = await call<{ version: number }>(
    clerk,
    "incoming.act",
    { documentId: first, version: 1, input: { action: "present", leaderId: chair.id } },
    { mutation: true },
  );

  const leader = await (await browser.newContext()).newPage();
  await signIn(leader, "chutich.dc");
  await call(
    leader,
    "incoming.act",
    {
      documentId: first,
      version: presented.version,
      input: {
        action: "direct",
        direction: "Phòng Kinh tế chủ trì, Phòng Văn hóa - Xã hội phối hợp.",
        lead: { unitId: unit("KT"), deadline: nextMonth },
        co: [{ unitId: unit("VHXH"), deadline: nextMonth }],
      },
    },
    { mutation: true },
  );
  await clerk.context().close();
  await leader.context().close();
}

const inBook = (path: string) => `${path}&registryId=${bookId}`;

test.beforeAll(async ({ browser }) => {
  await registerDocuments(browser);
});

for (const size of sizes) {
  test.describe(`on a ${size.name}`, () => {
    test.use({ viewport: size.viewport });

    // One browser for every list, signed in again only when the list's person changes.
    test("every list fits the width of the screen", async ({ page, shot }) => {
      let signedIn = "";
      for (const target of pages) {
        await test.step(target.name, async () => {
          if (target.user !== signedIn) {
            await page.context().clearCookies();
            await signIn(page, target.user);
            signedIn = target.user;
          }
          await page.goto("inBook" in target ? inBook(target.path) : target.path);
          const table = page.getByTestId(target.ready);
          await expect(table.locator("tbody tr").first()).toBeVisible();
          await expect.poll(() => widthProblems(page), target.name).toEqual([]);
          await shot(page, `fit-${target.name}-${size.name}`);
        });
      }
    });
  });
}

test.describe("on a phone", () => {
  test.use({ viewport: phone });

  test("each row's actions are named buttons in plain sight that open their dialog", async ({
    page,
  }) => {
    await signIn(page, "quantri.dc");

    await page.goto("/admin/users");
    const user = page.getByTestId("user-row-chuyenvien.kt");
    // A card: its fields labelled, no table header.
    await expect(page.getByRole("columnheader", { name: "Tên đăng nhập" })).toBeHidden();
    const reset = user.getByTestId("reset-password-button");
    await expect(reset).toBeVisible();
    await expect(reset).toHaveText("Đặt lại mật khẩu");
    await expect(user.getByTestId("deactivate-user-button")).toHaveText("Ngừng kích hoạt");
    await reset.click();
    await expect(page.getByTestId("reset-password-form")).toBeVisible();
    await page.getByRole("button", { name: "Hủy" }).click();
    await user.getByTestId("edit-user-button").click();
    await expect(page.getByTestId("user-form")).toBeVisible();
    await page.getByRole("button", { name: "Hủy" }).click();

    await page.goto("/admin/units");
    const unit = page.getByTestId("unit-row-KT");
    await expect(unit.getByTestId("edit-unit-button")).toHaveText("Sửa");
    await unit.getByRole("button", { name: "Sửa đơn vị Phòng Kinh tế, Hạ tầng và Đô thị" }).click();
    await expect(page.getByTestId("unit-name-input")).toHaveValue(
      "Phòng Kinh tế, Hạ tầng và Đô thị",
    );
    await page.getByRole("button", { name: "Hủy" }).click();
    await unit.getByTestId("deactivate-unit-button").click();
    await expect(page.getByTestId("confirm-unit-status")).toBeVisible();
    await page.getByRole("button", { name: "Hủy" }).click();

    await page.goto("/admin/registries");
    const registry = page.getByTestId("registry-row").first();
    await expect(registry.getByTestId("edit-registry-button")).toBeVisible();
    await registry.getByTestId("edit-registry-button").click();
    await expect(page.getByTestId("registry-form")).toBeVisible();
  });

  test("the book's cards show the long subject cut short, the whole of it in its tooltip", async ({
    page,
  }) => {
    await signIn(page, "vanthu.dc");
    await page.goto(inBook("/registry-books?book=incoming"));
    const link = page.getByRole("link", { name: LONG_SUBJECT }).first();
    await expect(link).toHaveAttribute("title", LONG_SUBJECT);
    const { clientHeight, scrollHeight } = await page
      .locator("p", { has: link })
      .first()
      .evaluate((p) => ({ clientHeight: p.clientHeight, scrollHeight: p.scrollHeight }));
    expect(scrollHeight).toBeGreaterThan(clientHeight);
    // The column menu belongs to the computer: a phone's cards show every field.
    await expect(page.getByTestId("book-columns")).toBeHidden();
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: phone });

  test("a long subject opens at three lines on the document's page, the rest one tap away", async ({
    page,
    shot,
  }) => {
    await signIn(page, "vanthu.dc");
    await page.goto(inBook("/registry-books?book=incoming"));
    await page.getByRole("link", { name: LONG_SUBJECT }).first().click();
    const subject = page.getByTestId("doc-subject");
    await expect(subject).toHaveText(LONG_SUBJECT);
    const region = page.getByTestId("doc-subject-spoiler").getByRole("region");
    const shown = () => region.evaluate((el) => el.clientHeight);
    const whole = await subject.evaluate((el) => el.scrollHeight);
    expect(await shown()).toBeLessThan(whole);
    await expect.poll(() => widthProblems(page)).toEqual([]);
    await shot(page, "fit-document-subject-phone");
    await page.getByRole("button", { name: "Xem toàn bộ trích yếu" }).click();
    await expect(page.getByRole("button", { name: "Thu gọn trích yếu" })).toBeVisible();
    await expect.poll(shown).toBeGreaterThanOrEqual(whole);
  });

  test("the subject's counter says how much of the limit is used", async ({ page, shot }) => {
    await signIn(page, "vanthu.dc");
    await page.goto("/incoming/new");
    const count = page.getByTestId("subject-count");
    await expect(count).toHaveText("0/2000 ký tự");
    await page.getByTestId("subject-input").fill(LONG_SUBJECT);
    await expect(count).toHaveText(`${[...LONG_SUBJECT].length}/2000 ký tự`);
    await page.getByTestId("subject-input").fill("x".repeat(1850));
    await expect(count).toHaveText("1850/2000 ký tự");
    await page.getByTestId("subject-input").fill(LONG_SUBJECT);
    await page.getByTestId("subject-input").blur();
    // A full-page picture taken from the top, where the fixed header and footer belong.
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, "fit-reception-subject-phone");
  });
});

test.describe("on a computer", () => {
  test.use({ viewport: computer });

  test("search results cut a long subject to two lines, the whole of it in its tooltip", async ({
    page,
    shot,
  }) => {
    await signIn(page, "vanthu.dc");
    await page.goto(`/search?q=${encodeURIComponent("chuyen doi so")}`);
    const link = page.getByTestId("search-results").getByTestId("document-link").first();
    await expect(link).toBeVisible();
    const long = page
      .getByTestId("search-results")
      .getByRole("link", { name: LONG_SUBJECT })
      .first();
    await expect(long).toHaveAttribute("title", LONG_SUBJECT);
    const { clientHeight, scrollHeight } = await long.evaluate((a) => ({
      clientHeight: a.clientHeight,
      scrollHeight: a.scrollHeight,
    }));
    expect(scrollHeight).toBeGreaterThan(clientHeight);
    await expect.poll(() => widthProblems(page)).toEqual([]);
    await shot(page, "fit-search-computer");
  });

  test("the Columns menu hides a column, and the choice outlives a reload", async ({
    page,
    shot,
  }) => {
    await signIn(page, "quantri.dc");
    await page.goto("/admin/users");
    const header = page.getByRole("columnheader", { name: "Tên đăng nhập" });
    await expect(header).toBeVisible();
    await page.getByTestId("columns-menu").click();
    const item = page.getByRole("menuitemcheckbox", { name: "Tên đăng nhập" });
    await expect(item).toHaveAttribute("aria-checked", "true");
    // The name and the state always show.
    await expect(page.getByRole("menuitemcheckbox", { name: /Họ và tên/ })).toBeDisabled();
    await shot(page, "fit-columns-menu-computer");
    await item.click();
    await expect(item).toHaveAttribute("aria-checked", "false");
    await expect(header).toBeHidden();
    await expect(
      page.getByTestId("user-row-chuyenvien.kt").getByText("chuyenvien.kt", { exact: true }),
    ).toBeHidden();

    await page.reload();
    await expect(page.getByTestId("user-row-chuyenvien.kt")).toBeVisible();
    await expect(header).toBeHidden();
    await expect(page.getByRole("columnheader", { name: "Đơn vị", exact: true })).toBeVisible();

    // Another table keeps its own choice.
    await page.goto("/admin/units");
    await expect(page.getByRole("columnheader", { name: "Tên viết tắt" })).toBeVisible();

    await page.goto("/admin/users");
    await page.getByTestId("columns-menu").click();
    await page.getByRole("menuitem", { name: "Trở về cột mặc định" }).click();
    await expect(header).toBeVisible();
  });

  test("the book leaves out the hand-signed column until asked for", async ({ page }) => {
    await signIn(page, "vanthu.dc");
    await page.goto(inBook("/registry-books?book=incoming"));
    await expect(page.getByTestId("book-row").first()).toBeVisible();
    const signature = page.getByRole("columnheader", { name: "Ký nhận" });
    await expect(signature).toBeHidden();
    await page.getByTestId("book-columns").click();
    await page.getByRole("menuitemcheckbox", { name: "Ký nhận" }).click();
    await expect(signature).toBeVisible();
    await page.keyboard.press("Escape");
    await expect.poll(() => widthProblems(page)).toEqual([]);
  });
});
