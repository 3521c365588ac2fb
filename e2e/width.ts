import type { Page } from "@playwright/test";

/**
 * What is wrong with the page's width, if anything: the page wider than the window, a box in
 * the page that scrolls sideways (an action hidden in it is as good as lost), or a button or
 * link outside the window or cut off by a box around it.
 */
export function widthProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = window.innerWidth;
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.getAttribute("data-testid") ? `[${el.getAttribute("data-testid")}]` : ""} “${(el.textContent ?? "").trim().slice(0, 40)}”`;
    if (document.documentElement.scrollWidth > width) {
      problems.push(`page is ${document.documentElement.scrollWidth}px wide in ${width}px`);
    }
    const main = document.querySelector("main")!;
    for (const el of main.querySelectorAll("*")) {
      const overflow = getComputedStyle(el).overflowX;
      if ((overflow === "auto" || overflow === "scroll") && el.scrollWidth > el.clientWidth + 1) {
        problems.push(`scrolls sideways (${el.scrollWidth} in ${el.clientWidth}): ${name(el)}`);
      }
    }
    for (const el of main.querySelectorAll("button, a[href], [role=button], [role=tab]")) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.left < -0.5 || box.right > width + 0.5) {
        problems.push(`off screen: ${name(el)}`);
        continue;
      }
      for (let up = el.parentElement; up && up !== main; up = up.parentElement) {
        if (getComputedStyle(up).overflowX === "visible") continue;
        const frame = up.getBoundingClientRect();
        if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5) {
          problems.push(`cut off: ${name(el)} in ${name(up)}`);
          break;
        }
      }
    }
    return problems;
  });
}
