"use client";

import { Anchor, type AnchorProps } from "@mantine/core";
import Link from "next/link";
import type { ReactNode } from "react";

/** A Mantine anchor that navigates with Next's Link; usable from server components. */
export function AnchorLink({
  href,
  children,
  ...props
}: AnchorProps & { href: string; children: ReactNode; title?: string }) {
  return (
    <Anchor component={Link} href={href} {...props}>
      {children}
    </Anchor>
  );
}
