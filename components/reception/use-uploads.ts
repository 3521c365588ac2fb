"use client";

import { randomId } from "@mantine/hooks";
import { useCallback, useEffect, useRef, useState } from "react";
import { UploadError, uploadFile, type UploadedFile } from "@/components/documents/upload-file";
import type { AttachedFile } from "@/lib/schemas/files";

export type UploadEntry = {
  key: string;
  name: string;
  size: number;
  status: "uploading" | "done" | "failed";
  /** 0 to 1 while uploading. */
  progress: number;
  result: UploadedFile | null;
  /** The server's refusal, already in the user's language. */
  error: string | null;
};

const PDF = "application/pdf";

/** While uploading, a file named .pdf is taken for a PDF; once stored, its bytes decide. */
const canBeMain = (e: UploadEntry) =>
  e.status !== "failed" && (e.result ? e.result.mimeType === PDF : /\.pdf$/i.test(e.name));

/**
 * The files of one reception: each uploads as soon as it is chosen, in parallel, with its
 * progress; a refused one keeps the server's reason and can be removed. The main file is the
 * one the clerk marked, or else the first PDF.
 */
export function useUploads(messages: { failed: string; duplicate: (name: string) => string }) {
  const [entries, setEntries] = useState<UploadEntry[]>([]);
  const [chosenMain, setChosenMain] = useState<string | null>(null);
  const controllers = useRef(new Map<string, AbortController>());
  const messagesRef = useRef(messages);
  useEffect(() => {
    messagesRef.current = messages;
  });

  const patch = useCallback((key: string, change: Partial<UploadEntry>) => {
    setEntries((list) => list.map((e) => (e.key === key ? { ...e, ...change } : e)));
  }, []);

  const start = useCallback(
    (file: File, key: string) => {
      const controller = new AbortController();
      controllers.current.set(key, controller);
      uploadFile(file, (progress) => patch(key, { progress }), controller.signal)
        .then((result) =>
          setEntries((list) => {
            // The same bytes twice would be attached once: say so rather than keep a twin.
            const twin = list.find((e) => e.key !== key && e.result?.sha256 === result.sha256);
            const done = { status: "done" as const, progress: 1, result, error: null };
            return list.map((e) =>
              e.key !== key
                ? e
                : twin
                  ? { ...e, status: "failed", error: messagesRef.current.duplicate(twin.name) }
                  : { ...e, ...done },
            );
          }),
        )
        .catch((error: unknown) => {
          if (error instanceof DOMException && error.name === "AbortError") return;
          const message =
            error instanceof UploadError && error.message
              ? error.message
              : messagesRef.current.failed;
          patch(key, { status: "failed", error: message });
        })
        .finally(() => controllers.current.delete(key));
    },
    [patch],
  );

  const add = useCallback(
    (files: File[]) => {
      const fresh = files.map((file) => ({ file, key: randomId() }));
      setEntries((list) => [
        ...list,
        ...fresh.map(({ file, key }) => ({
          key,
          name: file.name,
          size: file.size,
          status: "uploading" as const,
          progress: 0,
          result: null,
          error: null,
        })),
      ]);
      for (const { file, key } of fresh) start(file, key);
    },
    [start],
  );

  /** Files refused before upload (by the picker's type filter), shown with the reason. */
  const reject = useCallback((files: { name: string; size: number }[], error: string) => {
    setEntries((list) => [
      ...list,
      ...files.map((f) => ({
        key: randomId(),
        name: f.name,
        size: f.size,
        status: "failed" as const,
        progress: 0,
        result: null,
        error,
      })),
    ]);
  }, []);

  const remove = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    setEntries((list) => list.filter((e) => e.key !== key));
  }, []);

  const clear = useCallback(() => {
    for (const controller of controllers.current.values()) controller.abort();
    setEntries([]);
    setChosenMain(null);
  }, []);

  useEffect(() => {
    const running = controllers.current;
    return () => {
      for (const controller of running.values()) controller.abort();
    };
  }, []);

  const mainKey =
    entries.find((e) => e.key === chosenMain && canBeMain(e))?.key ??
    entries.find(canBeMain)?.key ??
    null;
  const stored = entries.filter((e) => e.status === "done" && e.result);
  /** What the form sends, in this order; the server names a file by its place in it. */
  const attached: AttachedFile[] = stored.map((e) => ({
    sha256: e.result!.sha256,
    fileName: e.result!.fileName,
    kind: e.key === mainKey ? "main" : "attachment",
  }));

  return {
    entries,
    mainKey,
    main: entries.find((e) => e.key === mainKey) ?? null,
    setMain: setChosenMain,
    canBeMain,
    add,
    reject,
    remove,
    clear,
    attached,
    /** The place of each entry in `attached`, to put the server's `files.N` errors back on it. */
    attachedIndex: new Map(stored.map((e, i) => [e.key, i])),
    pending: entries.some((e) => e.status === "uploading"),
    failed: entries.some((e) => e.status === "failed"),
  };
}

export type Uploads = ReturnType<typeof useUploads>;
