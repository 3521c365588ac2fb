import { expect, test, type Browser } from "@playwright/test";
import { letterPdf, registerAndPresent } from "./documents";
import { shot, signIn } from "./fixtures";

// The document's PDF as a leader reads it on a phone: page 1 at once as the server's picture,
// then pdf.js's pages, turned one by one with a swipe.

let documentUrl: string;

test.beforeAll(async ({ browser }) => {
  const clerk = await (await browser.newContext()).newPage();
  documentUrl = await registerAndPresent(clerk, {
    pdf: await letterPdf(3),
    // A number of its own each time, so a retry in a new worker is not a duplicate.
    number: String(9000 + Math.floor(Math.random() * 1000)),
    subject: "Về việc kiểm tra công tác phòng cháy chữa cháy",
  });
  await clerk.context().close();
});

async function phoneAs(browser: Browser, username: string) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

test("page 1 shows as a picture first, then the pages turn one by one on a phone", async ({
  browser,
}) => {
  const page = await phoneAs(browser, "chutich.dc");
  // Hold pdf.js's worker back, as a slow network would: the picture of page 1 is there before it.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/pdfjs/**/pdf.worker.min.mjs", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(documentUrl);
  const viewer = page.getByTestId("pdf-viewer");
  const preview = viewer.getByTestId("pdf-preview");
  await expect(preview).toHaveAttribute("data-loaded", "true");
  expect(await preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(800);
  expect((await preview.boundingBox())!.width).toBeLessThanOrEqual(390);
  await preview.scrollIntoViewIfNeeded();
  await shot(page, "pdf-preview-phone");
  release();

  const pageN = (n: number) => viewer.locator(`[data-testid="pdf-page"][data-page-number="${n}"]`);
  await expect(pageN(1)).toHaveAttribute("data-rendered", "true");
  await expect(preview).toHaveCount(0);
  await expect(viewer.getByTestId("pdf-page-indicator")).toHaveText("Trang 1/3");
  // Side by side: page 2 starts where page 1 ends, to the right.
  const [one, two] = [(await pageN(1).boundingBox())!, (await pageN(2).boundingBox())!];
  expect(two.x).toBeGreaterThanOrEqual(one.x + one.width);
  expect(Math.abs(two.y - one.y)).toBeLessThan(2);

  // A swipe to the left turns to page 2, drawn, and the indicator follows.
  const scroller = viewer.getByTestId("pdf-scroller");
  await scroller.evaluate((el) => el.scrollBy({ left: el.clientWidth * 0.6 }));
  await expect(viewer.getByTestId("pdf-page-indicator")).toHaveText("Trang 2/3");
  await expect(pageN(2)).toHaveAttribute("data-rendered", "true");
  await expect(pageN(2)).toContainText("Trang 2");
  // Snapped: page 2 fills the view, not a part of 1 and 2.
  const frame = (await scroller.boundingBox())!;
  await expect
    .poll(async () => Math.abs((await pageN(2).boundingBox())!.x - frame.x))
    .toBeLessThanOrEqual(8);
  // Only the screen: a full-page shot resizes the page, and the pages re-snap, at times to page 1.
  await shot(page, "pdf-swipe-phone", { fullPage: false });
  await expect(viewer.getByTestId("pdf-page-indicator")).toHaveText("Trang 2/3");

  // The buttons do the same for those who do not swipe.
  await viewer.getByTestId("pdf-next-page").click();
  await expect(viewer.getByTestId("pdf-page-indicator")).toHaveText("Trang 3/3");
  await expect(viewer.getByTestId("pdf-next-page")).toBeDisabled();
  await viewer.getByTestId("pdf-previous-page").click();
  await expect(viewer.getByTestId("pdf-page-indicator")).toHaveText("Trang 2/3");

  // Zoomed in, the pages stack so that a finger pans the page instead of turning it.
  await viewer.getByRole("button", { name: "Phóng to" }).click();
  await expect(scroller).not.toHaveAttribute("data-swipe");
  const [a, b] = [(await pageN(1).boundingBox())!, (await pageN(2).boundingBox())!];
  expect(b.y).toBeGreaterThanOrEqual(a.y + a.height);
  await viewer.getByRole("button", { name: "Vừa chiều rộng" }).click();
  await expect(scroller).toHaveAttribute("data-swipe", "true");
  await page.context().close();
});

test("a computer shows the pages one under another, with buttons to move by page", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, "chutich.dc");
  await page.goto(documentUrl);
  const viewer = page.getByTestId("pdf-viewer");
  const pageN = (n: number) => viewer.locator(`[data-testid="pdf-page"][data-page-number="${n}"]`);
  await expect(pageN(1)).toHaveAttribute("data-rendered", "true");
  await expect(viewer.getByTestId("pdf-scroller")).not.toHaveAttribute("data-swipe");
  const [one, two] = [(await pageN(1).boundingBox())!, (await pageN(2).boundingBox())!];
  expect(two.y).toBeGreaterThanOrEqual(one.y + one.height);
  await viewer.getByTestId("pdf-next-page").click();
  await expect(viewer.getByTestId("pdf-page-indicator")).toHaveText("Trang 2/3");
  await expect(pageN(2)).toHaveAttribute("data-rendered", "true");
  await page.mouse.move(0, 0);
  await shot(page, "pdf-pages-computer");
  // Two presses in a row go two pages back, the second made while the first still scrolls.
  await viewer.getByTestId("pdf-next-page").click();
  await expect(viewer.getByTestId("pdf-page-indicator")).toHaveText("Trang 3/3");
  await viewer.getByTestId("pdf-previous-page").click();
  await viewer.getByTestId("pdf-previous-page").click();
  await expect(viewer.getByTestId("pdf-page-indicator")).toHaveText("Trang 1/3");
  await expect(viewer.getByTestId("pdf-previous-page")).toBeDisabled();
  await context.close();
});
