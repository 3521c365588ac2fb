// The handling slip of a document that went the whole way (registered, presented with a
// proposal, directed, passed to a specialist, noted, partly completed), read back with poppler
// and qpdf, and refused to whoever may not see the document.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignment } from "@/db/schema/handling";
import { DiskFileStore } from "@/server/files/store";
import {
  createWorkflowWorld,
  plusDays,
  type WorkflowWorld,
} from "@/server/testing/incoming-workflow";
import { letterPdf, receiveWithMainPdf } from "@/server/testing/stored-documents";
import { answerHandlingSlip } from "./print-download";

const out = mkdtempSync(path.join(tmpdir(), "lien-thong-slip-"));
const store = new DiskFileStore(path.join(out, "files"));
let w: WorkflowWorld;
let documentId: string;
let secretId: string;
let arrival: { number: number; date: string };

const PROPOSAL = "Đề nghị giao Phòng Kinh tế chủ trì, phối hợp đồng chí Hạnh; báo cáo trước hạn.";
const DIRECTION = "Giao Phòng Kinh tế, Hạ tầng và Đô thị chủ trì rà soát các điểm ngập úng.";
const NOTE = "Đã khảo sát 12 điểm ngập úng ở tổ dân phố số 7, đang tổng hợp số liệu.";
const CO_RESULT = "Đã gửi danh sách hộ dân cần di dời khi có bão.";
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

beforeAll(async () => {
  w = await createWorkflowWorld();
  const clerk = await w.as("vanthu.dc");
  const received = await receiveWithMainPdf(w.db, store, clerk, await letterPdf(), {
    urgency: "urgent",
    deadline: plusDays(20),
    fileName: "125-UBND-PCTT.pdf",
  });
  documentId = received.id;
  arrival = { number: received.registryNumber, date: received.arrivalDate };
  await w.act("vanthu.dc", documentId, {
    action: "present",
    leaderId: w.users["chutich.dc"]!,
    note: PROPOSAL,
  });
  await w.act("chutich.dc", documentId, {
    action: "direct",
    direction: DIRECTION,
    lead: { unitId: w.units.KT, deadline: plusDays(10) },
    co: [{ userId: w.users["chuyenvien.vhxh"], deadline: plusDays(8) }],
    info: [{ userId: w.users["phochutich.dc"] }],
  });
  const parts = () => w.db.select().from(assignment).where(eq(assignment.documentId, documentId));
  const unitPart = (await parts()).find((a) => a.unitId === w.units.KT)!;
  await w.act("truongphong.kt", documentId, {
    action: "assignToSpecialist",
    assignmentId: unitPart.id,
    userId: w.users["chuyenvien.kt"]!,
  });
  await w.act("chuyenvien.kt", documentId, { action: "addNote", note: NOTE });
  const coPart = (await parts()).find((a) => a.userId === w.users["chuyenvien.vhxh"])!;
  await w.act("chuyenvien.vhxh", documentId, {
    action: "submitResult",
    assignmentId: coPart.id,
    result: CO_RESULT,
  });
  await w.act("chutich.dc", documentId, {
    action: "reviewResult",
    assignmentId: coPart.id,
    accept: true,
  });

  // A secret document: seen by its registrar only.
  const secret = await receiveWithMainPdf(w.db, store, clerk, await letterPdf(), {
    confidentiality: "secret",
    subject: "Kế hoạch diễn tập khu vực phòng thủ năm 2026",
  });
  secretId = secret.id;
});

// SLIP_KEEP_OUTPUT=1 keeps the files (and page 1 as a PNG) to look at.
afterAll(() => {
  if (process.env.SLIP_KEEP_OUTPUT) console.info(`Slip files kept in ${out}`);
  else rmSync(out, { recursive: true, force: true });
});

function slip(username: string | null, id: string, locale: "vi" | "en" = "vi", query = "") {
  const request = new Request(`http://localhost/api/documents/${id}/slip${query}`, {
    headers: { cookie: `NEXT_LOCALE=${locale}` },
  });
  const session = username ? { userId: w.users[username]!, sessionEpoch: 1 } : null;
  return answerHandlingSlip(w.db, session, request, id);
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8" });

async function saved(response: Response, name: string): Promise<string> {
  expect(response.status).toBe(200);
  const file = path.join(out, name);
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return file;
}

/** The text of the PDF in reading order, its lines joined: wrapped values read whole. */
const textOf = (file: string) => run("pdftotext", ["-raw", file, "-"]).replace(/\s+/g, " ");

describe("the handling slip", () => {
  let file: string;
  let response: Response;

  beforeAll(async () => {
    response = await slip("vanthu.dc", documentId);
    file = await saved(response.clone(), "phieu.pdf");
    run("pdftoppm", ["-png", "-r", "60", file, path.join(out, "phieu")]);
  });

  it("is a private, uncached A4 PDF named after the arrival number", () => {
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const name = `phieu-giai-quyet-${arrival.number}.pdf`;
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="${name}"; filename*=UTF-8''${name}`,
    );
    expect(run("qpdf", ["--check", file])).toMatch(/No syntax or stream encoding errors found/);
    const info = run("pdfinfo", [file]);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toMatch(/Page rot:\s+0/);
  });

  it("opens in the browser when asked inline", async () => {
    const inline = await slip("vanthu.dc", documentId, "vi", "?inline=1");
    expect(inline.headers.get("content-disposition")).toMatch(/^inline; /);
  });

  it("prints the organisation, the title and the arrival stamp's data", () => {
    const text = textOf(file);
    expect(text).toContain("ỦY BAN NHÂN DÂN PHƯỜNG ĐỊNH CÔNG");
    expect(text).toContain("PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN");
    expect(text).toContain("Sổ đăng ký Sổ văn bản đến");
    expect(text).toContain(`Số đến ${arrival.number}`);
    expect(text).toMatch(new RegExp(`Ngày đến ${dmy(arrival.date)}, lúc \\d{2}:\\d{2}`));
  });

  it("prints the document's identity with every diacritic", () => {
    const text = textOf(file);
    expect(text).toContain("Số, ký hiệu 125/UBND-PCTT");
    expect(text).toContain(`Ngày văn bản ${dmy(arrival.date)}`);
    expect(text).toContain("Cơ quan ban hành Ủy ban nhân dân quận Hoàng Mai");
    expect(text).toContain("Loại văn bản Công văn");
    expect(text).toContain(
      "Trích yếu Về việc triển khai phương án phòng, chống lụt bão năm 2026 trên địa bàn phường",
    );
    expect(text).toContain("Người ký Bùi Xuân Trường");
    expect(text).toContain("Độ khẩn Khẩn");
    expect(text).toContain("Độ mật Thường");
    expect(text).toContain(`Hạn xử lý theo văn bản ${dmy(plusDays(20))}`);
    // The urgency mark at the top, as stamped on paper.
    expect(text).toContain("KHẨN");
  });

  it("prints the clerk's proposal and the leader's direction, signed and dated", () => {
    const text = textOf(file);
    expect(text).toContain(`II. Ý KIẾN ĐỀ XUẤT CỦA VĂN THƯ ${PROPOSAL}`);
    expect(text).toMatch(/Trình: Nguyễn Đức Thắng — Phạm Thị Thu, \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(text).toContain(`III. Ý KIẾN CHỈ ĐẠO CỦA LÃNH ĐẠO ${DIRECTION}`);
    expect(text).toMatch(/Nguyễn Đức Thắng, \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(text).toContain(`Hạn giải quyết: ${dmy(plusDays(10))}`);
  });

  it("prints who handles what, by when, how far, and what the finished part gave", () => {
    const text = run("pdftotext", ["-layout", file, "-"]);
    const row = (...cells: string[]) =>
      new RegExp(cells.map((c) => c.replace(/[()]/g, "\\$&")).join("[^\\n]*?"));
    // Each row's cells on one line: a long name wraps inside its cell.
    expect(text).toMatch(row("Chủ trì", "Phòng Kinh tế", dmy(plusDays(10)), "Đang xử lý"));
    expect(textOf(file)).toContain("Chủ trì Phòng Kinh tế, Hạ tầng và Đô thị");
    expect(text).toMatch(row("Chuyên viên: Lê Minh Tuấn", dmy(plusDays(10)), "Đang xử lý"));
    expect(text).toMatch(row("Phối hợp", "Đỗ Thị Hạnh", dmy(plusDays(8)), "Đã hoàn thành"));
    expect(text).toMatch(row("Để biết", "Hoàng Thị Mai", "Chưa đọc"));
    expect(textOf(file)).toContain(CO_RESULT);
  });

  it("prints the handling notes in order, then room for remarks and signatures", () => {
    const text = textOf(file);
    expect(text).toMatch(new RegExp(`\\d{2}:\\d{2} Lê Minh Tuấn ${NOTE}`));
    expect(text.indexOf("V. QUÁ TRÌNH XỬ LÝ")).toBeLessThan(text.indexOf(NOTE));
    expect(text).toContain("Ý KIẾN KHÁC, GHI CHÚ:");
    const layout = run("pdftotext", ["-layout", file, "-"]);
    expect(layout).toMatch(/VĂN THƯ\s+NGƯỜI GIẢI QUYẾT\s+LÃNH ĐẠO/);
    expect(layout).toMatch(/Phạm Thị Thu\s+Lê Minh Tuấn\s+Nguyễn Đức Thắng/);
    expect(text).toContain("(Ký, ghi rõ họ tên)");
  });

  it("embeds Liberation Serif, so Vietnamese prints the same everywhere", () => {
    const fonts = run("pdffonts", [file]);
    const serif = fonts.split("\n").filter((line) => line.includes("LiberationSerif"));
    expect(serif.length).toBeGreaterThanOrEqual(3); // regular, bold, italic
    for (const line of serif) expect(line).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);
  });

  it("speaks English when the user does, the document's own words unchanged", async () => {
    const en = await saved(await slip("vanthu.dc", documentId, "en"), "slip-en.pdf");
    const text = textOf(en);
    expect(text).toContain("INCOMING DOCUMENT HANDLING SLIP");
    expect(text).toContain(DIRECTION);
  });

  it("is for everyone on the document: the specialist prints it too", async () => {
    expect((await slip("chuyenvien.kt", documentId)).status).toBe(200);
  });
});

describe("the slip of a finished document", () => {
  it("ends with the result and when the work was done", async () => {
    const specialist = (
      await w.db.select().from(assignment).where(eq(assignment.documentId, documentId))
    ).find((a) => a.userId === w.users["chuyenvien.kt"] && a.parentId)!;
    await w.act("chuyenvien.kt", documentId, {
      action: "submitResult",
      assignmentId: specialist.id,
      result: "Đã nạo vét 12 điểm ngập úng; Báo cáo số 45/BC-KT gửi UBND quận.",
    });
    await w.act("truongphong.kt", documentId, {
      action: "reviewResult",
      assignmentId: specialist.id,
      accept: true,
    });
    await w.act("chutich.dc", documentId, {
      action: "reviewResult",
      assignmentId: specialist.parentId!,
      accept: true,
    });
    const text = textOf(await saved(await slip("vanthu.dc", documentId), "xong.pdf"));
    expect(text).toMatch(
      /VI\. KẾT QUẢ GIẢI QUYẾT \(hoàn thành lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\) Đã nạo vét 12 điểm ngập úng; Báo cáo số 45\/BC-KT gửi UBND quận\./,
    );
  });
});

describe("who may print the slip", () => {
  const errorOf = async (response: Response) =>
    ((await response.json()) as { error: { code: string; message: string } }).error;

  it("answers a secret document like an unknown one to a leader not on it", async () => {
    const hidden = await slip("chutich.dc", secretId);
    const unknown = await slip("chutich.dc", "2b1f0a4e-8d8c-4c53-9d3e-6b1a2f1e9c77");
    expect(hidden.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await errorOf(hidden)).toEqual(await errorOf(unknown));
    expect(hidden.headers.get("cache-control")).toBe("private, no-store");
    // Its registrar, who is on it, prints it.
    const own = await saved(await slip("vanthu.dc", secretId), "mat.pdf");
    expect(textOf(own)).toContain("Độ mật Tối mật");
  });

  it("refuses another organisation's member as if the document did not exist", async () => {
    const response = await slip("vanthu.hl", documentId);
    expect(response.status).toBe(404);
    expect((await errorOf(response)).message).toBe(
      "Không tìm thấy dữ liệu yêu cầu, hoặc bạn không có quyền xem.",
    );
  });

  it("answers a malformed id with 404, never 500", async () => {
    for (const id of ["abc", "1' or '1'='1", "00000000-0000-0000-0000-00000000000g"]) {
      expect((await slip("vanthu.dc", id)).status).toBe(404);
    }
  });

  it("asks who is there when nobody is signed in", async () => {
    const response = await slip(null, documentId, "en");
    expect(response.status).toBe(401);
    expect((await errorOf(response)).code).toBe("UNAUTHORIZED");
  });

  it("shows a browser tab a short page in the user's language", async () => {
    const request = new Request(`http://localhost/api/documents/${secretId}/slip?inline=1`, {
      headers: { cookie: "NEXT_LOCALE=vi", "sec-fetch-mode": "navigate" },
    });
    const session = { userId: w.users["chutich.dc"]!, sessionEpoch: 1 };
    const response = await answerHandlingSlip(w.db, session, request, secretId);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await response.text()).toContain("Không tạo được tệp in");
  });
});
