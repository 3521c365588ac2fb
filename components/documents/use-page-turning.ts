"use client";

import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { pageInView } from "./pdf-geometry";

/** How long a turn may take before the viewer looks whether it reached its page. */
const SETTLE_MS = 900;
/** Scrolls more to the asked page when something (a swipe's snap) took the view elsewhere. */
const RETRIES = 2;

/**
 * The page in view, and turning to the page before or after with the toolbar's buttons.
 *
 * A turn asks for a page, not for a distance: a second press while the first is still scrolling
 * goes one page further, and a turn that a swipe's snap overrode (the snap of a swipe just ended
 * can land after the button's scroll began) scrolls again once the view has settled.
 */
export function usePageTurning({
  doc,
  scroller,
  pages,
  framed,
  swipe,
}: {
  doc: PDFDocumentProxy | null;
  scroller: HTMLElement | null;
  pages: RefObject<Map<number, HTMLElement>>;
  /** The pages scroll in a frame (wider screens), not with the window. */
  framed: boolean;
  /** Side by side on a phone, one per swipe. */
  swipe: boolean;
}) {
  const [current, setCurrent] = useState(1);
  const asked = useRef<{ page: number; retries: number; timer: number } | null>(null);
  const settleAfterTurn = useRef<() => void>(() => undefined);

  const shownPage = useCallback((): number => {
    const rects: DOMRect[] = [];
    for (let n = 1; n <= (doc?.numPages ?? 0); n += 1) {
      const element = pages.current.get(n);
      if (element) rects.push(element.getBoundingClientRect());
    }
    if (swipe && scroller) {
      const view = scroller.getBoundingClientRect();
      const across = rects.map((r) => ({ top: r.left, bottom: r.right }));
      return pageInView(across, view.left, view.right);
    }
    const view =
      framed && scroller
        ? scroller.getBoundingClientRect()
        : { top: 0, bottom: window.innerHeight };
    return pageInView(rects, view.top, view.bottom);
  }, [doc, scroller, pages, framed, swipe]);

  const scrollTo = useCallback(
    (n: number) => {
      const element = pages.current.get(n);
      if (!element || !scroller) return;
      const page = element.getBoundingClientRect();
      const view = scroller.getBoundingClientRect();
      if (swipe) {
        const left = scroller.scrollLeft + page.left - view.left - (view.width - page.width) / 2;
        scroller.scrollTo({ left, behavior: "smooth" });
      } else if (framed) {
        scroller.scrollTo({ top: scroller.scrollTop + page.top - view.top, behavior: "smooth" });
      } else {
        element.scrollIntoView({ behavior: "smooth", block: "start" });
      }
    },
    [scroller, pages, framed, swipe],
  );

  // The page number shown in the toolbar follows the scrolling.
  useEffect(() => {
    if (!doc || !scroller) return;
    const target: HTMLElement | Window = framed || swipe ? scroller : window;
    let frame = 0;
    const update = () => {
      frame = 0;
      setCurrent(shownPage());
    };
    const onScroll = () => {
      frame ||= requestAnimationFrame(update);
    };
    // Once the view has settled after a turn: on the asked page, the turn is over; else, again.
    const settle = () => {
      const turn = asked.current;
      if (!turn) return;
      window.clearTimeout(turn.timer);
      if (shownPage() === turn.page || turn.retries >= RETRIES) {
        asked.current = null;
        return;
      }
      turn.retries += 1;
      turn.timer = window.setTimeout(settle, SETTLE_MS);
      scrollTo(turn.page);
    };
    settleAfterTurn.current = settle;
    target.addEventListener("scroll", onScroll, { passive: true });
    // Browsers without `scrollend` look after SETTLE_MS instead.
    target.addEventListener("scrollend", settle);
    window.addEventListener("resize", onScroll);
    return () => {
      target.removeEventListener("scroll", onScroll);
      target.removeEventListener("scrollend", settle);
      window.removeEventListener("resize", onScroll);
      cancelAnimationFrame(frame);
    };
  }, [doc, scroller, framed, swipe, shownPage, scrollTo]);

  // A turn left half-way by a change of layout or document is forgotten.
  useEffect(
    () => () => {
      if (asked.current) window.clearTimeout(asked.current.timer);
      asked.current = null;
    },
    [doc, scroller, framed, swipe],
  );

  /** To the page `by` pages after (or before) the one in view, or the one a turn is going to. */
  const turn = (by: 1 | -1) => {
    if (!doc) return;
    const from = asked.current?.page ?? current;
    const page = Math.min(doc.numPages, Math.max(1, from + by));
    if (asked.current) window.clearTimeout(asked.current.timer);
    asked.current = {
      page,
      retries: 0,
      timer: window.setTimeout(() => settleAfterTurn.current(), SETTLE_MS),
    };
    scrollTo(page);
  };

  return { current, turn };
}
