import { formatDate } from "@/components/documents/document-format";
import { vietnamToday } from "@/lib/dates";

/** A certificate's date as every date is shown: dd/MM/yyyy, the day in Vietnam. */
export const formatDay = (at: Date | string) => formatDate(vietnamToday(new Date(at)));
