import { describe, expect, it } from "vitest";
import { canvasPixelRatio, fitZoom, pageInView, stepZoom } from "./pdf-geometry";

describe("stepZoom", () => {
  it("moves to the neighbouring level", () => {
    expect(stepZoom(1, 1)).toBe(1.1);
    expect(stepZoom(1, -1)).toBe(0.9);
  });

  it("from a fitted zoom between two levels, goes to the next one in that direction", () => {
    expect(stepZoom(1.18, 1)).toBe(1.25);
    expect(stepZoom(1.18, -1)).toBe(1.1);
  });

  it("stays within the smallest and largest levels", () => {
    expect(stepZoom(4, 1)).toBe(4);
    expect(stepZoom(0.25, -1)).toBe(0.25);
    expect(stepZoom(9, -1)).toBe(4);
  });
});

describe("fitZoom", () => {
  it("makes an A4 page (595 pt) fill the width", () => {
    expect(fitZoom(793.33, 595)).toBeCloseTo(1, 3);
    expect(fitZoom(358, 595) * 595 * (96 / 72)).toBeCloseTo(358, 6);
  });

  it("falls back to 100 % before the width is known", () => {
    expect(fitZoom(0, 595)).toBe(1);
  });
});

describe("canvasPixelRatio", () => {
  it("uses the screen's density for an ordinary page", () => {
    expect(canvasPixelRatio(358, 506, 3)).toBe(3);
    expect(canvasPixelRatio(700, 990, 1)).toBe(1);
  });

  it("lowers it for a page so large the canvas would pass the limit", () => {
    const ratio = canvasPixelRatio(3000, 4243, 3);
    expect(ratio).toBeLessThan(3);
    expect(3000 * ratio * 4243 * ratio).toBeLessThanOrEqual(2 ** 24 + 1);
  });
});

describe("pageInView", () => {
  const pages = [
    { top: 0, bottom: 1000 },
    { top: 1010, bottom: 2010 },
    { top: 2020, bottom: 3020 },
  ];

  it("is the first page at the top", () => {
    expect(pageInView(pages, 0, 700)).toBe(1);
  });

  it("is the page that fills most of the view", () => {
    expect(pageInView(pages, 900, 1600)).toBe(2);
    expect(pageInView(pages, 1700, 2900)).toBe(3);
  });
});
