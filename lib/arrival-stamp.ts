// The arrival stamp "ĐẾN" (Decree 30/2020, Appendix IV): what it says and where each word goes,
// defined once for the overlay in the viewer and the copy printed with it, so what the clerk
// sees on screen is what comes out of the printer. The stamp is a Vietnamese marking, like the
// rubber stamp it replaces: its words are Vietnamese whatever the language of the interface.

/** What the stamp records about one registered document. */
export type ArrivalStampData = {
  organisationName: string;
  registryName: string | null;
  number: number;
  /** yyyy-MM-dd */
  arrivalDate: string;
  /** HH:mm in Vietnam, when the moment of registration is known. */
  time: string | null;
  /** Where the document went: the lead of the current direction, or the leader presented to. */
  transferredTo: string | null;
};

/** One line of the stamp, in points from the stamp's top-left corner (top of the line box). */
export type StampText = {
  text: string;
  x: number;
  y: number;
  size: number;
  bold: boolean;
  align: "left" | "center";
  /** Longer text is cut with an ellipsis. */
  maxWidth: number;
};

export type StampLayout = { width: number; height: number; texts: StampText[] };

/** Where the stamp goes by default: the top-left corner of page 1, in points from that corner. */
export const DEFAULT_STAMP_POSITION = { x: 24, y: 24 } as const;
/** The red of stamp ink. */
export const STAMP_COLOR = { hex: "#c62828", rgb: [0.776, 0.157, 0.157] as const };
export const STAMP_BORDER_WIDTH = 1.4;
/** The paper under the stamp shows through, faded, as under a real stamp's ink. */
export const STAMP_BACKDROP_OPACITY = 0.72;
/** Where the baseline sits in a line box one font size tall (a Times-like serif). */
export const BASELINE_RATIO = 0.84;

const WIDTH = 156;
const PAD = 6;
const DOTS = "……………………";

const timeFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Ho_Chi_Minh",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** A moment as HH:mm in Vietnam, whatever the zone of the computer. */
export const vietnamTime = (at: Date | string) => timeFormat.format(new Date(at));

const day = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * A font size at which a line of capitals fits the width, estimated from its length (the
 * renderers cut what still overflows): long organisation names print smaller, never over the edge.
 */
function fittingSize(text: string, width: number, preferred: number, smallest: number): number {
  const estimate = width / (Math.max(text.length, 1) * 0.66);
  return Math.max(smallest, Math.min(preferred, Math.round(estimate * 4) / 4));
}

/** The stamp's lines and their places. */
export function arrivalStampLayout(stamp: ArrivalStampData): StampLayout {
  const inner = WIDTH - 2 * PAD;
  const organisation = stamp.organisationName.toLocaleUpperCase("vi");
  const right = 54;
  const texts: StampText[] = [
    {
      text: organisation,
      x: PAD,
      y: 6,
      size: fittingSize(organisation, inner, 7.5, 5.5),
      bold: true,
      align: "center",
      maxWidth: inner,
    },
    { text: "ĐẾN", x: PAD, y: 22, size: 17, bold: true, align: "left", maxWidth: right - PAD },
    {
      text: `Số: ${stamp.number}`,
      x: right,
      y: 18,
      size: 10,
      bold: true,
      align: "left",
      maxWidth: WIDTH - PAD - right,
    },
    {
      text: `Ngày: ${day(stamp.arrivalDate)}`,
      x: right,
      y: 31,
      size: 9,
      bold: false,
      align: "left",
      maxWidth: WIDTH - PAD - right,
    },
    {
      text: `Giờ: ${stamp.time ?? DOTS}`,
      x: right,
      y: 43,
      size: 8,
      bold: false,
      align: "left",
      maxWidth: WIDTH - PAD - right,
    },
  ];
  let y = 57;
  const line = (text: string) => {
    texts.push({ text, x: PAD, y, size: 8, bold: false, align: "left", maxWidth: inner });
    y += 11;
  };
  if (stamp.registryName) line(`Sổ: ${stamp.registryName}`);
  line(`Chuyển: ${stamp.transferredTo ?? DOTS}`);
  line(`Lưu hồ sơ số: ${DOTS}`);
  return { width: WIDTH, height: y + 3, texts };
}

type AssignmentLike = {
  role: "lead" | "co" | "info";
  parentId: string | null;
  status: string;
  unitName: string | null;
  userName: string | null;
};

type EventLike = { action: string; data: unknown };

/**
 * The stamp of a document, or null when it has no arrival number yet (nothing to stamp).
 * `assignments` in the order they were made, `history` oldest first.
 */
export function arrivalStampOf(input: {
  organisationName: string;
  registryName: string | null;
  registryNumber: number | null;
  arrivalDate: string | null;
  registeredAt: Date | string | null;
  assignments: AssignmentLike[];
  history: EventLike[];
}): ArrivalStampData | null {
  if (input.registryNumber == null || !input.arrivalDate) return null;
  const lead = input.assignments.findLast(
    (a) => a.role === "lead" && !a.parentId && a.status !== "withdrawn",
  );
  const presented = input.history.findLast((e) => e.action === "presented")?.data as
    { leader?: unknown } | undefined;
  const leader = typeof presented?.leader === "string" ? presented.leader : null;
  return {
    organisationName: input.organisationName,
    registryName: input.registryName,
    number: input.registryNumber,
    arrivalDate: input.arrivalDate,
    time: input.registeredAt ? vietnamTime(input.registeredAt) : null,
    transferredTo: (lead ? (lead.unitName ?? lead.userName) : null) ?? leader,
  };
}
