"use client";

import {
  ActionIcon,
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Stack,
  Text,
  Tooltip,
} from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import {
  IconAlertTriangle,
  IconArrowAutofitWidth,
  IconChevronLeft,
  IconChevronRight,
  IconZoomIn,
  IconZoomOut,
} from "@tabler/icons-react";
import type {
  PDFDocumentLoadingTask,
  PDFDocumentProxy,
  PDFPageProxy,
} from "pdfjs-dist/legacy/build/pdf.mjs";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { fitZoom, stepZoom, ZOOM_STEPS } from "./pdf-geometry";
import { PdfPage, type PageGeometry, type PageSize } from "./pdf-page";
import classes from "./pdf-viewer.module.css";
import { classifyPdfError, fetchPdf, loadPdfjs, openPdf, type PdfLoadError } from "./pdfjs-client";
import { usePageTurning } from "./use-page-turning";

type State =
  | { status: "loading" }
  | { status: "error"; error: PdfLoadError }
  | { status: "ready"; doc: PDFDocumentProxy; sizes: PageSize[] };

/** How long pdf.js waits for the preview of page 1 before it loads anyway. */
const PREVIEW_WAIT_MS = 4000;

/** Pages this far above or below the view (in heights of the view) are drawn ahead of time. */
const NEAR_MARGIN = "100% 0px";
/** Side by side on a phone: the pages either side of the one shown. */
const SWIPE_NEAR_MARGIN = "0px 100%";

function sizeOf(page: PDFPageProxy): PageSize {
  const { width, height } = page.getViewport({ scale: 1 });
  return { width, height, userUnit: page.userUnit };
}

const sameSize = (a: PageSize, b: PageSize) =>
  a.width === b.width && a.height === b.height && a.userUnit === b.userUnit;

/**
 * A PDF read in the page with pdf.js, so it shows in every browser, phones included: pages drawn
 * as they come near the view, at the screen's density, with their text selectable and searchable.
 * On a phone the pages follow the page's scrolling; on wider screens they scroll in a frame.
 */
export function PdfViewer({
  url,
  previewUrl,
  fileName,
  tools,
  firstPageOverlay,
}: {
  url: string;
  /**
   * A picture of page 1 drawn by the server (app/api/files/[fileId]/preview): shown at once, and
   * pdf.js is fetched only after it, so a slow phone shows the page in seconds, not after 1 MB.
   */
  previewUrl?: string;
  fileName: string;
  /** More buttons in the toolbar, before the zoom. */
  tools?: ReactNode;
  /** Drawn in HTML over page 1 (never into the file). */
  firstPageOverlay?: (page: PageGeometry) => ReactNode;
}) {
  const t = useTranslations("documentPage");
  const [state, setState] = useState<State>({ status: "loading" });
  // The preview has loaded or failed (or there is none): pdf.js may take the bandwidth now.
  const [previewSettled, setPreviewSettled] = useState(!previewUrl);
  useEffect(() => {
    if (previewSettled) return;
    // A preview that never answers does not hold the document back for long.
    const timer = setTimeout(() => setPreviewSettled(true), PREVIEW_WAIT_MS);
    return () => clearTimeout(timer);
  }, [previewSettled]);
  const [attempt, setAttempt] = useState(0);
  const [zoom, setZoom] = useState<number | "fit">("fit");
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(0);
  const [near, setNear] = useState<ReadonlySet<number>>(new Set());
  const pages = useRef(new Map<number, HTMLElement>());
  const observer = useRef<IntersectionObserver | null>(null);
  // Whether the pages scroll in a frame: the breakpoint of .scroller in pdf-viewer.module.css.
  // Read in effects only (never rendered), so the server's guess does not matter.
  const framed = useMediaQuery("(min-width: 48em)", false, { getInitialValueInEffect: false });

  // On a phone at fit width, pages sit side by side and a swipe turns one page; zoomed in, they
  // stack and scroll like on a computer, so a finger can pan a page without turning it.
  const swipe = !framed && zoom === "fit";

  const doc = state.status === "ready" ? state.doc : null;
  const sizes = state.status === "ready" ? state.sizes : null;
  const { current, turn } = usePageTurning({ doc, scroller, pages, framed, swipe });

  // The file: read once per URL (the parent keys this component by file), let go of on unmount.
  useEffect(() => {
    if (!previewSettled) return;
    let cancelled = false;
    let task: PDFDocumentLoadingTask | null = null;
    const download = new AbortController();
    const open = async () => {
      // pdf.js and the file come at once rather than one after the other.
      const [pdfjs, data] = await Promise.all([loadPdfjs(), fetchPdf(url, download.signal)]);
      if (cancelled) return;
      task = openPdf(pdfjs, data);
      const loaded = await task.promise;
      const first = sizeOf(await loaded.getPage(1));
      if (cancelled) return;
      setState({
        status: "ready",
        doc: loaded,
        sizes: Array.from({ length: loaded.numPages }, () => first),
      });
      return { loaded, first };
    };
    // Then every page's own size, for a letter with a page of another format (an A3 annex).
    const measure = async ({ loaded, first }: { loaded: PDFDocumentProxy; first: PageSize }) => {
      const all = [first];
      for (let n = 2; n <= loaded.numPages; n += 1) {
        all.push(sizeOf(await loaded.getPage(n)));
        if (cancelled) return;
      }
      if (all.some((size) => !sameSize(size, first))) {
        setState((prev) =>
          prev.status === "ready" && prev.doc === loaded ? { ...prev, sizes: all } : prev,
        );
      }
    };
    open().then(
      (opened) => opened && measure(opened).catch(() => undefined),
      (error: unknown) => {
        if (!cancelled) setState({ status: "error", error: classifyPdfError(error) });
      },
    );
    return () => {
      cancelled = true;
      // Ends the download, the document and its worker.
      download.abort();
      void task?.destroy();
    };
  }, [url, attempt, previewSettled]);

  // The width the pages fit.
  useEffect(() => {
    if (!scroller) return;
    const resize = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    resize.observe(scroller);
    return () => resize.disconnect();
  }, [scroller]);

  // Which pages are near the view: the frame's on wide screens, the window's on a phone.
  useEffect(() => {
    if (!doc || !scroller) return;
    const io = new IntersectionObserver(
      (entries) =>
        setNear((prev) => {
          const next = new Set(prev);
          for (const entry of entries) {
            const n = Number((entry.target as HTMLElement).dataset.pageNumber);
            if (entry.isIntersecting) next.add(n);
            else next.delete(n);
          }
          return next;
        }),
      swipe
        ? { root: scroller, rootMargin: SWIPE_NEAR_MARGIN }
        : { root: framed ? scroller : null, rootMargin: NEAR_MARGIN },
    );
    for (const element of pages.current.values()) io.observe(element);
    observer.current = io;
    return () => {
      io.disconnect();
      observer.current = null;
    };
  }, [doc, scroller, framed, swipe]);

  const register = useCallback((pageNumber: number, element: HTMLElement | null) => {
    const previous = pages.current.get(pageNumber);
    if (previous) observer.current?.unobserve(previous);
    if (element) {
      pages.current.set(pageNumber, element);
      observer.current?.observe(element);
    } else {
      pages.current.delete(pageNumber);
    }
  }, []);

  const effectiveZoom = zoom === "fit" ? fitZoom(width, sizes?.[0]?.width ?? 0) : zoom;

  // Zooming keeps the same part of the document in view.
  const shownZoom = useRef<number | null>(null);
  useLayoutEffect(() => {
    const before = shownZoom.current;
    shownZoom.current = width > 0 && doc ? effectiveZoom : null;
    if (!scroller || before === null || shownZoom.current === null) return;
    const ratio = shownZoom.current / before;
    if (ratio === 1) return;
    if (swipe) return;
    if (framed) {
      scroller.scrollTo({ top: scroller.scrollTop * ratio });
    } else {
      const top = scroller.getBoundingClientRect().top + window.scrollY;
      if (window.scrollY > top) window.scrollTo({ top: top + (window.scrollY - top) * ratio });
    }
  }, [effectiveZoom, width, doc, scroller, framed, swipe]);

  const retry = () => {
    setState({ status: "loading" });
    setAttempt((n) => n + 1);
  };

  return (
    <div className={classes.viewer} data-testid="pdf-viewer" data-state={state.status}>
      <Group
        className={classes.toolbar}
        justify="space-between"
        gap="xs"
        px="xs"
        py={4}
        wrap="nowrap"
      >
        <Group gap={2} wrap="nowrap">
          {doc && doc.numPages > 1 && (
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={() => turn(-1)}
              disabled={current <= 1}
              aria-label={t("viewerPreviousPage")}
              data-testid="pdf-previous-page"
            >
              <IconChevronLeft size={18} />
            </ActionIcon>
          )}
          <Text size="sm" c="dimmed" data-testid="pdf-page-indicator" aria-live="polite">
            {doc ? t("viewerPageOf", { current, total: doc.numPages }) : "\u00a0"}
          </Text>
          {doc && doc.numPages > 1 && (
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={() => turn(1)}
              disabled={current >= doc.numPages}
              aria-label={t("viewerNextPage")}
              data-testid="pdf-next-page"
            >
              <IconChevronRight size={18} />
            </ActionIcon>
          )}
        </Group>
        <Group gap={2} wrap="nowrap">
          {tools}
          <Tooltip label={t("viewerZoomOut")}>
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={() => setZoom(stepZoom(effectiveZoom, -1))}
              disabled={!doc || effectiveZoom <= ZOOM_STEPS[0]!}
              aria-label={t("viewerZoomOut")}
            >
              <IconZoomOut size={18} />
            </ActionIcon>
          </Tooltip>
          <Text size="sm" w={48} ta="center" data-testid="pdf-zoom">
            {doc ? `${Math.round(effectiveZoom * 100)}%` : "\u00a0"}
          </Text>
          <Tooltip label={t("viewerZoomIn")}>
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={() => setZoom(stepZoom(effectiveZoom, 1))}
              disabled={!doc || effectiveZoom >= ZOOM_STEPS.at(-1)!}
              aria-label={t("viewerZoomIn")}
            >
              <IconZoomIn size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t("viewerFitWidth")}>
            <ActionIcon
              variant={zoom === "fit" ? "light" : "subtle"}
              color="gray"
              onClick={() => setZoom("fit")}
              disabled={!doc}
              aria-label={t("viewerFitWidth")}
              aria-pressed={zoom === "fit"}
            >
              <IconArrowAutofitWidth size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <div
        ref={setScroller}
        className={classes.scroller}
        data-swipe={swipe || undefined}
        data-testid="pdf-scroller"
        role="region"
        aria-label={fileName}
        tabIndex={0}
      >
        {state.status === "loading" && previewUrl && (
          // eslint-disable-next-line @next/next/no-img-element -- a private, per-file picture
          <img
            src={previewUrl}
            alt={t("viewerPage", { page: 1 })}
            className={classes.preview}
            data-testid="pdf-preview"
            onLoad={(event) => {
              event.currentTarget.dataset.loaded = "true";
              setPreviewSettled(true);
            }}
            onError={(event) => {
              event.currentTarget.hidden = true;
              setPreviewSettled(true);
            }}
          />
        )}
        {state.status === "loading" && !previewUrl && (
          <Center className={classes.status}>
            <Stack align="center" gap="xs">
              <Loader size="sm" />
              <Text size="sm" c="dimmed">
                {t("viewerLoading")}
              </Text>
            </Stack>
          </Center>
        )}
        {state.status === "error" && (
          <Center className={classes.status} p="md">
            <Alert
              color={state.error === "other" ? "red" : "orange"}
              icon={<IconAlertTriangle size={18} />}
              title={t("viewerErrorTitle")}
              maw={520}
              data-testid="pdf-viewer-error"
            >
              <Text size="sm">{t(`viewerError.${state.error}`)}</Text>
              {state.error === "other" && (
                <Button size="xs" variant="light" mt="sm" onClick={retry}>
                  {t("retry")}
                </Button>
              )}
            </Alert>
          </Center>
        )}
        {doc && sizes && width > 0 && (
          <div className={classes.pages}>
            {sizes.map((size, i) => (
              <PdfPage
                key={i + 1}
                doc={doc}
                pageNumber={i + 1}
                size={size}
                zoom={effectiveZoom}
                near={near.has(i + 1)}
                register={register}
                overlay={i === 0 ? firstPageOverlay : undefined}
                placeholder={i === 0 ? previewUrl : undefined}
              />
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
