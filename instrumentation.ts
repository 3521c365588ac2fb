// Runs once when a Next.js server process starts: the background jobs start with it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.LIEN_THONG_JOBS === "0") return;
  const { startJobs } = await import("./server/jobs/boss");
  await startJobs();
}
