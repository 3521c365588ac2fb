/** CSS pixels per PDF point: at 100 % a page shows at its printed size, as in PDF readers. */
export const CSS_PER_POINT = 96 / 72;

/** The zoom levels the buttons step through, as fractions of the printed size. */
export const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];

/** The next level up (1) or down (-1) from any zoom, the fit-to-width one included. */
export function stepZoom(current: number, direction: 1 | -1): number {
  const next =
    direction === 1
      ? ZOOM_STEPS.find((z) => z > current * 1.01)
      : [...ZOOM_STEPS].reverse().find((z) => z < current * 0.99);
  return next ?? (direction === 1 ? ZOOM_STEPS.at(-1)! : ZOOM_STEPS[0]!);
}

/** The zoom at which a page `pointWidth` points wide fills `cssWidth` pixels. */
export function fitZoom(cssWidth: number, pointWidth: number): number {
  return cssWidth > 0 && pointWidth > 0 ? cssWidth / (pointWidth * CSS_PER_POINT) : 1;
}

/**
 * Canvas pixels per CSS pixel for a page of this size: the screen's density, so text is sharp,
 * but never so many pixels that a phone refuses the canvas (iOS allows about 16.7 million).
 */
export function canvasPixelRatio(
  cssWidth: number,
  cssHeight: number,
  devicePixelRatio: number,
  maxPixels = 2 ** 24,
): number {
  const area = cssWidth * cssHeight;
  const wanted = devicePixelRatio > 0 ? devicePixelRatio : 1;
  return area > 0 ? Math.min(wanted, Math.sqrt(maxPixels / area)) : wanted;
}

/** The 1-based number of the page that takes up most of the view from `top` to `bottom`. */
export function pageInView(
  pages: ReadonlyArray<{ top: number; bottom: number }>,
  top: number,
  bottom: number,
): number {
  let best = 0;
  let bestShown = 0;
  pages.forEach((page, i) => {
    const shown = Math.min(page.bottom, bottom) - Math.max(page.top, top);
    if (shown > bestShown) {
      best = i;
      bestShown = shown;
    }
  });
  return best + 1;
}
