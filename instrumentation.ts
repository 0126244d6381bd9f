// Runs once when the server starts: open the database, apply migrations and seed, so the first
// visitor does not wait and a broken database stops the start with a clear message.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("@/lib/startup");
  await startServer();
}
