import { expect, test } from "./fixtures";
import { draftToSign } from "./issue";
import { CHAIR_PIN, SEAL_PIN, switchTo, unlockable } from "./people";
import { call } from "./trpc";

test("the chairman signs two waiting documents in one go on his phone, with one PIN", async ({
  page,
  shot,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await switchTo(page, "vanthu.dc");
  const subjects = [
    "kế hoạch trực Tết Nguyên đán năm 2027 của Ủy ban nhân dân phường",
    "lịch tiếp công dân định kỳ tháng 01 năm 2027",
  ];
  const ids: string[] = [];
  for (const subject of subjects) {
    ids.push(
      await draftToSign(
        page,
        subject,
        [{ kind: "outside", name: "Ủy ban nhân dân quận Hoàng Mai" }],
        "Ủy ban nhân dân phường Định Công thông báo để các tổ dân phố biết và thực hiện.",
      ),
    );
  }

  await switchTo(page, "chutich.dc");
  await unlockable(page, "person", CHAIR_PIN);
  await page.goto("/outgoing?box=to_sign");
  await expect(page.getByTestId("document-card")).toHaveCount(2);
  await page.getByTestId("batch-sign").click();
  await expect(page.getByTestId("batch-document")).toHaveCount(2);
  await expect(page.getByTestId("pin-certificate")).toContainText("Nguyễn Đức Thắng");
  await page.getByTestId("pin-input").fill("000000");
  await page.getByTestId("pin-submit").click();
  await expect(page.getByText(/Mã PIN không đúng\. Bạn còn \d lần thử/)).toBeVisible();
  await page.getByTestId("pin-input").fill(CHAIR_PIN);
  await shot(page, "outgoing-batch-sign-phone");
  await page.getByTestId("pin-submit").click();
  await expect(page.getByTestId("batch-summary")).toHaveText("Đã ký 2/2 văn bản.", {
    timeout: 60_000,
  });
  await expect(page.getByTestId("batch-result")).toHaveCount(2);
  await shot(page, "outgoing-batch-signed-phone");
  await page.getByTestId("batch-close").click();
  await expect(page.getByTestId("outgoing-count-to_sign")).toHaveText("0");

  // The clerk numbers and seals both, each signed file now carrying the chairman's signature;
  // the boxes are left as they were found.
  await switchTo(page, "vanthu.dc");
  await unlockable(page, "seal", SEAL_PIN);
  for (const id of ids) {
    const view = await call<{ version: number; status: string }>(page, "outgoing.get", { id });
    expect(view.status).toBe("signed");
    const issued = await call<{ status: string; numberNotation: string }>(
      page,
      "outgoing.issue",
      { documentId: id, version: view.version, pin: SEAL_PIN },
      { mutation: true },
    );
    expect(issued.status).toBe("issued");
    expect(issued.numberNotation).toMatch(/^\d{2,}\/UBND/);
  }
});
