import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { contentDisposition, fileErrorResponse } from "./http";

describe("contentDisposition", () => {
  it("gives old clients an ASCII name and browsers the exact Vietnamese one", () => {
    const header = contentDisposition("Quyết định số 12; Đề án (2026).pdf", false);
    expect(header).toBe(
      'attachment; filename="Quyet dinh so 12_ De an (2026).pdf"; ' +
        "filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20s%E1%BB%91%2012%3B%20%C4%90%E1%BB%81%20%C3%A1n%20%282026%29.pdf",
    );
    const decoded = decodeURIComponent(header.split("UTF-8''")[1]!);
    expect(decoded).toBe("Quyết định số 12; Đề án (2026).pdf");
    expect(contentDisposition('a"b.pdf', true)).toMatch(/^inline; filename="a_b.pdf"/);
  });
});

describe("fileErrorResponse", () => {
  it("answers an oversized upload with 413 and the limit in the user's language", async () => {
    const response = fileErrorResponse(
      new AppError("VALIDATION", "files.tooLarge", { maxMb: 50 }),
      "vi",
    );
    expect(response.status).toBe(413);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("VALIDATION");
    expect(body.error.message).toContain("50 MB");
    expect(body.error.message).toMatch(/dung lượng/);
  });

  it("maps refusals to their HTTP status, translated into English when asked", async () => {
    const notFound = fileErrorResponse(new AppError("NOT_FOUND", "errors.notFound"), "en");
    expect(notFound.status).toBe(404);
    expect(((await notFound.json()) as { error: { message: string } }).error.message).toMatch(
      /not found/,
    );
    const broken = fileErrorResponse(new AppError("VALIDATION", "files.brokenPdf"), "en");
    expect(broken.status).toBe(400);
    expect(
      fileErrorResponse(new AppError("UNAUTHORIZED", "errors.unauthorized"), "en").status,
    ).toBe(401);
    expect(
      fileErrorResponse(
        new AppError("FORBIDDEN", "errors.forbidden", { action: "incoming.read" }),
        "vi",
      ).status,
    ).toBe(403);
  });
});
