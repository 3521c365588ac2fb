import { answerTaskReportXlsx } from "@/server/tasks/report-route";

export const dynamic = "force-dynamic";

// The task report per unit and person as a spreadsheet: GET ?from=yyyy-MM-dd&to=yyyy-MM-dd
export const GET = answerTaskReportXlsx;
