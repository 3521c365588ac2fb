"use client";

import { ActionIcon, Tooltip } from "@mantine/core";
import { useLocalStorage } from "@mantine/hooks";
import { IconRubberStamp } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import {
  useCallback,
  useMemo,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent,
} from "react";
import {
  arrivalStampLayout,
  DEFAULT_STAMP_POSITION,
  STAMP_BACKDROP_OPACITY,
  STAMP_BORDER_WIDTH,
  STAMP_COLOR,
  type ArrivalStampData,
} from "@/lib/arrival-stamp";
import { formatDate } from "./document-format";
import type { PageGeometry } from "./pdf-page";
import classes from "./arrival-stamp.module.css";

type Point = { x: number; y: number };
type Positions = Record<string, Point>;

const VISIBLE_KEY = "lien-thong:arrival-stamp-visible";
const POSITIONS_KEY = "lien-thong:arrival-stamp-positions";
const NO_POSITIONS: Positions = {};
/** Positions kept for this many documents, the latest moved. */
const KEEP_POSITIONS = 50;
/** Points an arrow key moves the stamp (with Shift, four times as far). */
const KEY_STEP = 6;
/** How much taller than the font a line box is (arrival-stamp.module.css .line). */
const LINE_EXTRA = 0.2;

const isPoint = (v: unknown): v is Point =>
  typeof v === "object" &&
  v !== null &&
  Number.isFinite((v as Point).x) &&
  Number.isFinite((v as Point).y);

/** Whether the stamp shows over the main file: one choice for every document, kept in the browser. */
export function useArrivalStampVisible() {
  return useLocalStorage<boolean>({ key: VISIBLE_KEY, defaultValue: true });
}

/**
 * Where the stamp sits on this document's page 1 (points from its top-left corner), as the
 * user last put it; the printed copy is stamped at the same place.
 */
export function useStampPosition(documentId: string): [Point, (p: Point) => void] {
  const [positions, setPositions] = useLocalStorage<Positions>({
    key: POSITIONS_KEY,
    defaultValue: NO_POSITIONS,
  });
  const stored = positions && typeof positions === "object" ? positions[documentId] : undefined;
  const save = useCallback(
    (p: Point) =>
      setPositions((all) => {
        const others = Object.entries(all && typeof all === "object" ? all : {})
          .filter(([id, v]) => id !== documentId && isPoint(v))
          .slice(-(KEEP_POSITIONS - 1));
        return {
          ...Object.fromEntries(others),
          [documentId]: { x: Math.round(p.x), y: Math.round(p.y) },
        };
      }),
    [documentId, setPositions],
  );
  return [isPoint(stored) ? stored : DEFAULT_STAMP_POSITION, save];
}

/** The toolbar button that shows or hides the stamp. */
export function ArrivalStampToggle() {
  const t = useTranslations("prints");
  const [visible, setVisible] = useArrivalStampVisible();
  return (
    <Tooltip label={t(visible ? "hideStamp" : "showStamp")}>
      <ActionIcon
        variant={visible ? "light" : "subtle"}
        color={visible ? "red" : "gray"}
        onClick={() => setVisible(!visible)}
        aria-label={t("stampToggle")}
        aria-pressed={visible}
        data-testid="arrival-stamp-toggle"
      >
        <IconRubberStamp size={18} />
      </ActionIcon>
    </Tooltip>
  );
}

type Drag = { pointerId: number; clientX: number; clientY: number; from: Point; at: Point };

/**
 * The arrival stamp drawn in HTML over page 1 of the main file, never into the file (it may
 * carry signatures). The same layout as the printed copy, at the page's zoom. It can be dragged
 * (or moved with the arrow keys) to a blank part of the page.
 */
export function ArrivalStampOverlay({
  documentId,
  stamp,
  page,
}: {
  documentId: string;
  stamp: ArrivalStampData;
  page: PageGeometry;
}) {
  const t = useTranslations("prints");
  const [visible] = useArrivalStampVisible();
  const [saved, save] = useStampPosition(documentId);
  const [drag, setDrag] = useState<Drag | null>(null);
  const layout = useMemo(() => arrivalStampLayout(stamp), [stamp]);
  if (!visible) return null;

  const clamp = (p: Point): Point => ({
    x: Math.max(0, Math.min(p.x, page.width - layout.width)),
    y: Math.max(0, Math.min(p.y, page.height - layout.height)),
  });
  const at = clamp(drag?.at ?? saved);
  const s = page.scale;
  const border = STAMP_BORDER_WIDTH * s;

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ pointerId: e.pointerId, clientX: e.clientX, clientY: e.clientY, from: at, at });
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag?.pointerId !== e.pointerId) return;
    const x = drag.from.x + (e.clientX - drag.clientX) / s;
    const y = drag.from.y + (e.clientY - drag.clientY) / s;
    setDrag({ ...drag, at: clamp({ x, y }) });
  };
  const onPointerEnd = (e: PointerEvent<HTMLDivElement>) => {
    if (drag?.pointerId !== e.pointerId) return;
    if (drag.at.x !== drag.from.x || drag.at.y !== drag.from.y) save(drag.at);
    setDrag(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? KEY_STEP * 4 : KEY_STEP;
    const moves: Record<string, Point> = {
      ArrowLeft: { x: -step, y: 0 },
      ArrowRight: { x: step, y: 0 },
      ArrowUp: { x: 0, y: -step },
      ArrowDown: { x: 0, y: step },
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    save(clamp({ x: at.x + move.x, y: at.y + move.y }));
  };

  return (
    <div
      className={classes.stamp}
      style={
        {
          left: at.x * s,
          top: at.y * s,
          width: layout.width * s,
          height: layout.height * s,
          borderWidth: border,
          "--stamp-ink": STAMP_COLOR.hex,
          "--stamp-backdrop": STAMP_BACKDROP_OPACITY,
        } as CSSProperties
      }
      role="group"
      tabIndex={0}
      aria-label={t("stampLabel", { number: stamp.number, date: formatDate(stamp.arrivalDate) })}
      title={t("moveStampHint")}
      data-testid="arrival-stamp"
      data-dragging={drag ? "true" : "false"}
      data-x={Math.round(at.x)}
      data-y={Math.round(at.y)}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      onKeyDown={onKeyDown}
    >
      {layout.texts.map((line) => (
        <span
          key={`${line.x}:${line.y}`}
          className={classes.line}
          aria-hidden
          style={{
            left: line.x * s - border,
            top: (line.y - LINE_EXTRA * line.size) * s - border,
            width: line.maxWidth * s,
            fontSize: line.size * s,
            fontWeight: line.bold ? 700 : 400,
            textAlign: line.align,
          }}
        >
          {line.text}
        </span>
      ))}
    </div>
  );
}
