import { reportRoute } from "@/server/reports/routes";

export const dynamic = "force-dynamic";

// The outgoing registry book as a PDF or spreadsheet: GET ?from=yyyy-MM-dd&to=yyyy-MM-dd&registryId=…&format=pdf|xlsx
export const GET = reportRoute("outgoingBook");
