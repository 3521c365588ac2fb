"use client";

import { Box, Button, Group, Text } from "@mantine/core";
import { IconArrowBackUp, IconEraser } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useImperativeHandle, useRef, useState, type Ref } from "react";
import { SIGNATURE_BOX } from "@/lib/schemas/signing";

/** The ink of a signature on an official document (Decree 30, Appendix I): blue. */
const INK = "#1a3fb0";
const LINE_WIDTH = 5;

type Point = { x: number; y: number };
export type SignaturePadHandle = {
  /** The drawing as a transparent PNG of SIGNATURE_BOX's size; null when nothing is drawn. */
  toPng: () => Promise<Blob | null>;
};

/** Strokes as smooth curves through the midpoints of the points the pointer passed. */
function draw(context: CanvasRenderingContext2D, strokes: Point[][]) {
  context.clearRect(0, 0, SIGNATURE_BOX.width, SIGNATURE_BOX.height);
  context.strokeStyle = INK;
  context.fillStyle = INK;
  context.lineWidth = LINE_WIDTH;
  context.lineCap = "round";
  context.lineJoin = "round";
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    if (!first) continue;
    if (rest.length === 0) {
      context.beginPath();
      context.arc(first.x, first.y, LINE_WIDTH / 2, 0, 2 * Math.PI);
      context.fill();
      continue;
    }
    context.beginPath();
    context.moveTo(first.x, first.y);
    for (let i = 0; i < rest.length - 1; i++) {
      const p = rest[i]!;
      const next = rest[i + 1]!;
      context.quadraticCurveTo(p.x, p.y, (p.x + next.x) / 2, (p.y + next.y) / 2);
    }
    const last = rest[rest.length - 1]!;
    context.lineTo(last.x, last.y);
    context.stroke();
  }
}

/**
 * A box to sign in with a finger, a pen or a mouse (pointer events; the page does not scroll
 * while drawing in it). It keeps the proportions of the signature box at any width, down to a
 * phone's, and draws at the box's own resolution, so the picture is the same on every screen.
 */
export function SignaturePad({
  ref,
  onDraw,
}: {
  ref: Ref<SignaturePadHandle>;
  /** Called as a stroke begins (a message about an empty box can go). */
  onDraw?: () => void;
}) {
  const t = useTranslations("signingAccount.pad");
  const canvas = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<Point[][]>([]);
  const drawing = useRef<number | null>(null);
  const [count, setCount] = useState(0);

  const redraw = useCallback(() => {
    const context = canvas.current?.getContext("2d");
    if (context) draw(context, strokes.current);
    setCount(strokes.current.length);
  }, []);
  useEffect(redraw, [redraw]);

  useImperativeHandle(ref, () => ({
    toPng: () =>
      new Promise((resolve) => {
        if (strokes.current.length === 0 || !canvas.current) return resolve(null);
        canvas.current.toBlob((blob) => resolve(blob), "image/png");
      }),
  }));

  const pointAt = (event: React.PointerEvent<HTMLCanvasElement>): Point => {
    const box = event.currentTarget.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) / box.width) * SIGNATURE_BOX.width,
      y: ((event.clientY - box.top) / box.height) * SIGNATURE_BOX.height,
    };
  };

  return (
    <Box>
      <Box
        component="canvas"
        ref={canvas}
        width={SIGNATURE_BOX.width}
        height={SIGNATURE_BOX.height}
        aria-label={t("area")}
        data-testid="signature-pad"
        onPointerDown={(event: React.PointerEvent<HTMLCanvasElement>) => {
          event.preventDefault();
          // The stroke goes on when the finger leaves the box; a pointer the browser no longer
          // knows (lifted meanwhile) cannot be captured and needs not be.
          try {
            event.currentTarget.setPointerCapture(event.pointerId);
          } catch {}
          drawing.current = event.pointerId;
          onDraw?.();
          strokes.current = [...strokes.current, [pointAt(event)]];
          redraw();
        }}
        onPointerMove={(event: React.PointerEvent<HTMLCanvasElement>) => {
          if (drawing.current !== event.pointerId) return;
          strokes.current.at(-1)!.push(pointAt(event));
          redraw();
        }}
        onPointerUp={() => (drawing.current = null)}
        onPointerCancel={() => (drawing.current = null)}
        style={{
          display: "block",
          width: "100%",
          aspectRatio: `${SIGNATURE_BOX.width} / ${SIGNATURE_BOX.height}`,
          touchAction: "none",
          cursor: "crosshair",
          border: "1px dashed var(--mantine-color-gray-5)",
          borderRadius: "var(--mantine-radius-sm)",
          background:
            "linear-gradient(to top, transparent 24%, var(--mantine-color-gray-3) 24%, var(--mantine-color-gray-3) calc(24% + 1px), transparent calc(24% + 1px)), var(--mantine-color-white)",
        }}
      />
      <Group justify="space-between" mt={6} gap="xs" wrap="wrap">
        <Text size="xs" c="dimmed">
          {t("hint")}
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconArrowBackUp size={14} />}
            disabled={count === 0}
            onClick={() => {
              strokes.current = strokes.current.slice(0, -1);
              redraw();
            }}
            data-testid="signature-pad-undo"
          >
            {t("undo")}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconEraser size={14} />}
            disabled={count === 0}
            onClick={() => {
              strokes.current = [];
              redraw();
            }}
            data-testid="signature-pad-clear"
          >
            {t("clear")}
          </Button>
        </Group>
      </Group>
    </Box>
  );
}
