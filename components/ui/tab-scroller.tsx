"use client";

import { Scroller } from "@mantine/core";
import { useEffect, useRef, type ReactNode } from "react";

/**
 * A row of tabs that scrolls sideways when it does not fit (a phone), keeping the open tab in
 * sight: opened from a link to a later tab, the row starts scrolled to it.
 */
export function TabScroller({ active, children }: { active: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const tab = ref.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
    tab?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [active]);
  return (
    <div ref={ref}>
      <Scroller>{children}</Scroller>
    </div>
  );
}
