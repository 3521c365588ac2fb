"use client";

import { Text } from "@mantine/core";
import type { PDFDocumentProxy, RenderTask, TextLayer } from "pdfjs-dist/legacy/build/pdf.mjs";
import { useTranslations } from "next-intl";
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
} from "react";
import { canvasPixelRatio, CSS_PER_POINT } from "./pdf-geometry";
import classes from "./pdf-viewer.module.css";
import { loadPdfjs } from "./pdfjs-client";

/** A page's size at 100 %, in PDF points (its user unit and rotation applied). */
export type PageSize = { width: number; height: number; userUnit: number };

/** A page as drawn: its size in points as shown, and CSS pixels per point at the current zoom. */
export type PageGeometry = { width: number; height: number; scale: number };

/** The same zoom waits this long before drawing again, so a resize or quick clicks draw once. */
const REDRAW_DELAY_MS = 150;

const isCancelled = (error: unknown) =>
  (error as { name?: string } | null)?.name === "RenderingCancelledException" ||
  (error as { name?: string } | null)?.name === "AbortException";

function releaseCanvases(host: HTMLElement) {
  // Emptying the bitmap frees its memory at once; Safari otherwise keeps it for a while.
  for (const canvas of host.querySelectorAll("canvas")) {
    canvas.width = 0;
    canvas.height = 0;
  }
  host.replaceChildren();
}

type Props = {
  doc: PDFDocumentProxy;
  pageNumber: number;
  size: PageSize;
  zoom: number;
  /** Close to the view: drawn while true, let go of when it scrolls far away. */
  near: boolean;
  register: (pageNumber: number, element: HTMLElement | null) => void;
  /** Drawn over the page in HTML (never into the file), e.g. the arrival stamp. */
  overlay?: (page: PageGeometry) => ReactNode;
  /** A picture of the page shown until pdf.js has drawn it. */
  placeholder?: string;
};

/**
 * One page: a placeholder of the right size until it comes near the view, then a canvas at the
 * screen's density and pdf.js's text layer over it.
 */
export function PdfPage({
  doc,
  pageNumber,
  size,
  zoom,
  near,
  register,
  overlay,
  placeholder,
}: Props) {
  const t = useTranslations("documentPage");
  const canvasHost = useRef<HTMLDivElement>(null);
  const textHost = useRef<HTMLDivElement>(null);
  const drawnZoom = useRef<number | null>(null);
  const [drawn, setDrawn] = useState(false);
  const [failed, setFailed] = useState(false);
  const pageRef = useCallback(
    (element: HTMLDivElement | null) => register(pageNumber, element),
    [register, pageNumber],
  );
  const scale = zoom * CSS_PER_POINT;
  const width = Math.floor(size.width * scale);
  const height = Math.floor(size.height * scale);

  // The picture is let go of when the page scrolls far away, and when the viewer closes.
  useEffect(() => {
    const host = canvasHost.current;
    if (!host || !near) return;
    return () => {
      releaseCanvases(host);
      drawnZoom.current = null;
      setDrawn(false);
      // Frees what pdf.js kept to draw this page; it reads it again if the page comes back.
      doc
        .getPage(pageNumber)
        .then((page) => page.cleanup())
        .catch(() => undefined);
    };
  }, [doc, pageNumber, near]);

  // The picture: drawn again at each zoom, the old one staying (stretched) until the new is ready.
  useEffect(() => {
    const host = canvasHost.current;
    if (!host || !near) return;
    let cancelled = false;
    let task: RenderTask | null = null;
    const draw = async () => {
      const page = await doc.getPage(pageNumber);
      if (cancelled) return;
      const viewport = page.getViewport({ scale });
      const ratio = canvasPixelRatio(viewport.width, viewport.height, window.devicePixelRatio);
      const canvas = document.createElement("canvas");
      canvas.className = classes.canvas ?? "";
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      task = page.render({
        canvas,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
      });
      await task.promise;
      if (cancelled) return;
      releaseCanvases(host);
      host.append(canvas);
      drawnZoom.current = zoom;
      setDrawn(true);
      setFailed(false);
    };
    const first = drawnZoom.current === null;
    const timer = setTimeout(
      () =>
        draw().catch((error: unknown) => {
          if (!cancelled && !isCancelled(error)) setFailed(true);
        }),
      first ? 0 : REDRAW_DELAY_MS,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
      task?.cancel();
    };
  }, [doc, pageNumber, near, scale, zoom]);

  // The text: laid out once while the page is near; it follows the zoom through
  // --total-scale-factor, as in pdf.js's own viewer.
  useEffect(() => {
    const host = textHost.current;
    if (!host || !near) return;
    let cancelled = false;
    let layer: TextLayer | null = null;
    const lay = async () => {
      const [pdfjs, page] = await Promise.all([loadPdfjs(), doc.getPage(pageNumber)]);
      if (cancelled) return;
      const container = document.createElement("div");
      container.className = classes.textLayer ?? "";
      layer = new pdfjs.TextLayer({
        textContentSource: page.streamTextContent(),
        container,
        viewport: page.getViewport({ scale: 1 }),
      });
      await layer.render();
      if (cancelled) return;
      const end = document.createElement("div");
      end.className = "endOfContent";
      container.append(end);
      host.replaceChildren(container);
    };
    // Without its text the page still reads; selecting and searching are what is lost.
    lay().catch(() => undefined);
    return () => {
      cancelled = true;
      layer?.cancel();
      host.replaceChildren();
    };
  }, [doc, pageNumber, near]);

  return (
    <div
      ref={pageRef}
      className={classes.page}
      style={
        {
          width,
          height,
          "--total-scale-factor": scale * size.userUnit,
          backgroundImage: placeholder && !drawn ? `url("${placeholder}")` : undefined,
        } as CSSProperties
      }
      data-testid="pdf-page"
      data-page-number={pageNumber}
      data-rendered={drawn ? "true" : "false"}
      aria-label={t("viewerPage", { page: pageNumber })}
      role="group"
    >
      <div ref={canvasHost} aria-hidden />
      <div ref={textHost} />
      {overlay?.({ width: size.width, height: size.height, scale })}
      {failed && (
        <div className={classes.pageError}>
          <Text size="sm" c="dimmed">
            {t("viewerPageError", { page: pageNumber })}
          </Text>
        </div>
      )}
    </div>
  );
}
