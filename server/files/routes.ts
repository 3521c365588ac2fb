import "server-only";
import path from "node:path";
import { Readable } from "node:stream";
import { getDb } from "@/db/client";
import type { Action } from "@/lib/permissions";
import { currentSession } from "../auth/auth";
import { actorOfRequest } from "../authz/request-actor";
import { AppError } from "../errors";
import { localeFromCookieHeader } from "../i18n/locale";
import { findDocumentFile } from "./download";
import { isPdfMime } from "./file-type";
import { contentDisposition, fileErrorResponse } from "./http";
import { checkSignatures } from "../signing/service/verify-file";
import { previewOf } from "./preview";
import { DiskFileStore, filesDirectory, getFileStore } from "./store";
import { receiveUpload, tooLarge, uploadLimitBytes } from "./upload";

// The two file routes (app/api/files), which cannot be tRPC: they carry raw bytes.

/**
 * Upload: the raw file is the body (streamed, never buffered), its name in `x-file-name`
 * (URL-encoded), its type in `content-type`. Answers `{ sha256, size, mimeType, pageCount,
 * fileName }`, to be attached to a document by a later call of the same person. Another route
 * may take files for another use, under its own permission and size limit.
 */
export async function answerUpload(
  request: Request,
  options: { action?: Action; maxBytes?: number } = {},
): Promise<Response> {
  const locale = localeFromCookieHeader(request.headers.get("cookie"));
  try {
    const db = getDb();
    const actor = await actorOfRequest(db, await currentSession());
    const maxBytes = options.maxBytes ?? uploadLimitBytes();
    // Refused before a byte is read when the client says how big the file is.
    if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge(maxBytes);
    if (!request.body) throw new AppError("VALIDATION", "files.empty");
    const uploaded = await receiveUpload(
      db,
      actor,
      {
        stream: request.body,
        fileName: decodeFileName(request.headers.get("x-file-name")),
        declaredType: request.headers.get("content-type"),
      },
      { maxBytes, action: options.action },
    );
    return Response.json(uploaded, { status: 201 });
  } catch (error) {
    return fileErrorResponse(error, locale);
  }
}

/**
 * Download of a document's file, for those who may see the document (else 404). `?inline=1`
 * shows a PDF in the browser; anything else is saved. The bytes never change, so the hash is a
 * strong ETag.
 */
export async function answerDownload(request: Request, fileId: string): Promise<Response> {
  const locale = localeFromCookieHeader(request.headers.get("cookie"));
  try {
    const db = getDb();
    const actor = await actorOfRequest(db, await currentSession());
    const file = await findDocumentFile(db, actor, fileId);
    const etag = `"${file.sha256}"`;
    const headers = {
      etag,
      // Kept by the browser only, and revalidated on each use: access to a document can end.
      "cache-control": "private, no-cache",
      "x-content-type-options": "nosniff",
    };
    if (request.headers.get("if-none-match") === etag) {
      return new Response(null, { status: 304, headers });
    }
    const stream = await getFileStore().open(file.sha256);
    const inline =
      new URL(request.url).searchParams.get("inline") === "1" && isPdfMime(file.mimeType);
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
      headers: {
        ...headers,
        "content-type": file.mimeType,
        // `next start` (16.4) drops it from streamed responses; other hosts and proxies keep it.
        "content-length": String(file.size),
        "content-disposition": contentDisposition(file.fileName, inline),
      },
    });
  } catch (error) {
    return fileErrorResponse(error, locale);
  }
}

/**
 * Page 1 of a document's PDF as a small picture (see preview.ts), for the same people as the
 * file, with the same caching. 404 when there is none: the viewer then simply waits for pdf.js.
 */
export async function answerPreview(request: Request, fileId: string): Promise<Response> {
  const locale = localeFromCookieHeader(request.headers.get("cookie"));
  try {
    const db = getDb();
    const actor = await actorOfRequest(db, await currentSession());
    const file = await findDocumentFile(db, actor, fileId);
    const store = getFileStore();
    if (!isPdfMime(file.mimeType) || !(store instanceof DiskFileStore)) {
      throw new AppError("NOT_FOUND", "files.noPreview");
    }
    const etag = `"${file.sha256}-p1"`;
    const headers = {
      etag,
      "cache-control": "private, no-cache",
      "x-content-type-options": "nosniff",
    };
    if (request.headers.get("if-none-match") === etag) {
      return new Response(null, { status: 304, headers });
    }
    const preview = await previewOf(store, path.join(filesDirectory(), "previews"), file.sha256);
    return new Response(new Uint8Array(preview.bytes), {
      headers: { ...headers, "content-type": preview.mimeType },
    });
  } catch (error) {
    return fileErrorResponse(error, locale);
  }
}

/**
 * Our verifier on a PDF anyone signed in uploads: the verdict of each signature, in the user's
 * language and the other. The bytes are read, checked and let go of; nothing is stored.
 */
export async function answerVerify(request: Request): Promise<Response> {
  const locale = localeFromCookieHeader(request.headers.get("cookie"));
  try {
    const db = getDb();
    await actorOfRequest(db, await currentSession());
    const maxBytes = uploadLimitBytes();
    if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge(maxBytes);
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (bytes.length > maxBytes) throw tooLarge(maxBytes);
    if (bytes.length === 0) throw new AppError("VALIDATION", "files.empty");
    if (!Buffer.from(bytes.subarray(0, 1024)).includes("%PDF-")) {
      throw new AppError("VALIDATION", "files.brokenPdf");
    }
    const check = await checkSignatures(db, bytes);
    return Response.json({ signatures: check?.signatures ?? [], problems: check?.problems ?? [] });
  } catch (error) {
    return fileErrorResponse(error, locale);
  }
}

function decodeFileName(header: string | null): string {
  try {
    return decodeURIComponent(header ?? "");
  } catch {
    throw new AppError("VALIDATION", "files.nameInvalid");
  }
}
