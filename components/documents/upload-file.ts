import type { SignatureCheck } from "@/lib/signature-check";

export type UploadedFile = {
  sha256: string;
  size: number;
  mimeType: string;
  pageCount: number | null;
  fileName: string;
  /** Our verifier's verdict on each digital signature of a PDF; null when it has none. */
  signatures: SignatureCheck | null;
};

/** A refusal from the upload route, its message already in the user's language. */
export class UploadError extends Error {}

/**
 * Sends one file to `POST /api/files` (or another upload route taking files the same way) as
 * the raw body (the route streams it, never buffering), reporting progress from 0 to 1.
 * XMLHttpRequest because fetch cannot report upload progress.
 */
export function uploadFile(
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
  url = "/api/files",
): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    xhr.setRequestHeader("content-type", file.type || "application/octet-stream");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const body = xhr.response as (UploadedFile & { error?: { message?: string } }) | null;
      if (xhr.status >= 200 && xhr.status < 300 && body) resolve(body);
      else reject(new UploadError(body?.error?.message ?? ""));
    };
    xhr.onerror = () => reject(new UploadError(""));
    xhr.onabort = () => reject(new DOMException("Aborted", "AbortError"));
    signal?.addEventListener("abort", () => xhr.abort());
    xhr.send(file);
  });
}
