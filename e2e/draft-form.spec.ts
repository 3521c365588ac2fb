import type { Page } from "@playwright/test";
import { letterPdf } from "./documents";
import { expect, test } from "./fixtures";

const SUBJECT = "triển khai kế hoạch chuyển đổi số năm 2026 trên địa bàn phường";

type Node = {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: { type: string }[];
  content?: Node[];
};
const nodes = (n: Node): Node[] => [n, ...(n.content ?? []).flatMap(nodes)];

async function savedDraft(page: Page, id: string) {
  const input = encodeURIComponent(JSON.stringify({ json: { id } }));
  const res = await page.request.get(`/api/trpc/outgoing.get?input=${input}`);
  expect(res.ok()).toBe(true);
  return (await res.json()).result.data.json as {
    subject: string;
    documentType: string;
    draft: {
      body: Node;
      recipients: { kind: string; name: string }[];
      copiesTo: string[];
      signerName: string | null;
      signingAuthority: string;
      signerTitle: string | null;
    };
  };
}

/**
 * Types `word` as a Vietnamese input method does (Telex, or a phone keyboard): the word is
 * composed in place, each step replacing the last, then committed.
 */
async function compose(page: Page, steps: string[], word: string) {
  const cdp = await page.context().newCDPSession(page);
  for (const text of steps) {
    await cdp.send("Input.imeSetComposition", {
      text,
      selectionStart: text.length,
      selectionEnd: text.length,
    });
  }
  await cdp.send("Input.insertText", { text: word });
  await cdp.detach();
}

test("a specialist drafts a công văn with a formatted text and a signer, and lands on its page", async ({
  page,
  signIn,
  shot,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "chuyenvien.kt");
  await page.goto("/outgoing/new");
  await expect(page.getByRole("heading", { name: "Soạn văn bản đi" })).toBeVisible();

  // A công văn by default, its subject after "V/v".
  await expect(page.getByTestId("document-type-select")).toHaveValue("Công văn");
  await expect(page.getByText("V/v", { exact: true })).toBeVisible();
  await page.getByTestId("subject-input").fill(SUBJECT);

  await page.getByTestId("addressee-input").fill("Công an phường Định Công");
  await page.getByTestId("addressee-input").press("Enter");
  await expect(page.getByTestId("addressee")).toHaveText(/Công an phường Định Công.*Cơ quan ngoài/);
  await page.getByTestId("internal-select").click();
  await page.getByRole("option", { name: "Phòng Văn hóa - Xã hội", exact: true }).click();
  await page.keyboard.press("Escape");

  // The text: a bold phrase, a bulleted list, a centred closing line.
  const body = page.getByRole("textbox", { name: "Nội dung văn bản" });
  const toolbarButton = (name: string) => page.getByRole("button", { name, exact: true });
  await body.click();
  await compose(page, ["D", "Đ", "Đe", "Đê", "Đề"], "Đề");
  await page.keyboard.type(" nghị các đơn vị ");
  await toolbarButton("In đậm").click();
  await page.keyboard.type("khẩn trương");
  await toolbarButton("In đậm").click();
  await page.keyboard.type(" thực hiện các nội dung sau:");
  await page.keyboard.press("Enter");
  await toolbarButton("Danh sách gạch đầu dòng").click();
  await page.keyboard.type("Rà soát hạ tầng công nghệ thông tin;");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Báo cáo kết quả trước ngày 15/01/2026.");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await toolbarButton("Căn giữa").click();
  await page.keyboard.type("Trân trọng./.");
  await expect(body.locator("p").first()).toHaveText(
    "Đề nghị các đơn vị khẩn trương thực hiện các nội dung sau:",
  );
  await expect(body.locator("strong")).toHaveText("khẩn trương");
  await expect(body.locator("ul > li")).toHaveCount(2);

  // Copies start with the addressees and the file copies of the clerks and the drafter's unit.
  await expect(page.getByTestId("copy-line")).toHaveCount(2);
  await expect(page.getByTestId("copy-line").nth(0)).toHaveValue("- Như trên;");
  await expect(page.getByTestId("copy-line").nth(1)).toHaveValue("- Lưu: VT, KT.");

  await page.getByTestId("signer-select").click();
  await page.getByRole("option", { name: /Nguyễn Đức Thắng/ }).click();
  await expect(page.getByTestId("signer-title-input")).toHaveValue("CHỦ TỊCH");
  await page.getByTestId("authority-control").getByText("TM.", { exact: true }).click();
  await expect(page.getByTestId("signer-title-input")).toHaveValue("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH");
  await expect(page.getByTestId("signature-preview")).toContainText("Nguyễn Đức Thắng");

  // An annex goes up as soon as it is chosen; the server accepts it only if it holds the file.
  await page.locator('[data-testid="attachments-dropzone"] input[type="file"]').setInputFiles({
    name: "phu-luc-danh-muc.pdf",
    mimeType: "application/pdf",
    buffer: await letterPdf(1),
  });
  const annex = page.getByTestId("draft-attachment");
  await expect(annex).toContainText("phu-luc-danh-muc.pdf");
  await expect(annex.getByRole("progressbar")).toHaveCount(0);

  await shot(page, "draft-form");
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId("draft-submit")).toBeVisible();
  // Nothing wider than the phone once the menu has slid away: the toolbar wraps rather than
  // pushing the page sideways.
  await expect
    .poll(() =>
      page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    )
    .toBeLessThanOrEqual(0);
  await shot(page, "draft-form-phone");
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByTestId("draft-submit").click();
  await page.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
  const id = new URL(page.url()).pathname.split("/").at(-1)!;

  const saved = await savedDraft(page, id);
  expect(saved.documentType).toBe("cong_van");
  expect(saved.subject).toBe(SUBJECT);
  expect(saved.draft.recipients).toEqual([
    { kind: "outside", name: "Công an phường Định Công" },
    expect.objectContaining({ kind: "unit", name: "Phòng Văn hóa - Xã hội" }),
  ]);
  expect(saved.draft.copiesTo).toEqual(["- Như trên;", "- Lưu: VT, KT."]);
  expect(saved.draft.signerName).toBe("Nguyễn Đức Thắng");
  expect(saved.draft.signingAuthority).toBe("tm");
  expect(saved.draft.signerTitle).toBe("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH");
  const all = nodes(saved.draft.body);
  expect(all.find((n) => n.type === "text")?.text).toBe("Đề nghị các đơn vị ");
  expect(all.find((n) => n.marks?.some((m) => m.type === "bold"))?.text).toBe("khẩn trương");
  expect(all.filter((n) => n.type === "bulletList")).toHaveLength(1);
  expect(
    all.find((n) => n.type === "paragraph" && n.attrs?.textAlign === "center")?.content?.[0]?.text,
  ).toBe("Trân trọng./.");
});

test("a draft without a subject is refused at the field, and nothing is created", async ({
  page,
  signIn,
  shot,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "chuyenvien.kt");
  let creates = 0;
  page.on("request", (request) => {
    if (request.url().includes("outgoing.create")) creates++;
  });
  await page.goto("/outgoing/new");
  await page.getByRole("textbox", { name: "Nội dung văn bản" }).click();
  await page.keyboard.type("Nội dung chưa có trích yếu.");
  await page.getByTestId("draft-submit").click();

  const subject = page.getByTestId("subject-input");
  await expect(subject).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(".mantine-InputWrapper-root").filter({ has: subject })).toContainText(
    "Trường này là bắt buộc.",
  );
  await expect(subject).toBeFocused();
  await shot(page, "draft-form-refused-phone");
  await expect(page).toHaveURL(/\/outgoing\/new$/);
  expect(creates).toBe(0);

  // Typing the subject clears the refusal.
  await subject.fill("báo cáo tình hình");
  await expect(subject).not.toHaveAttribute("aria-invalid", "true");
});
