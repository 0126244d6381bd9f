// Which mode the server starts in, where it listens and what that exposes: one pure function of the
// environment, used by `npm start` (scripts/start.mjs), the server itself (scripts/server.mjs) and its
// unit test. The app's request-time checks (lib/security/peer.ts) read the same variables.

/**
 * The socket's remote address, written by scripts/server.mjs on every request after deleting any
 * copy the client sent. Next.js offers no public API for the peer address (its own
 * `x-forwarded-for` is only filled in when the client did not send one), so this header is the one
 * place the app learns it.
 */
export const PEER_HEADER = "x-portal-peer-address";

const LOOPBACK_HOST = "127.0.0.1";
const given = (v) => v !== undefined && v !== "";

export function resolveMode(env = process.env) {
  const database = given(env.DATABASE_URL) ? "postgres" : "embedded";
  const demoExplicit = given(env.DEMO_ACCOUNTS);
  const demoAccounts = demoExplicit ? env.DEMO_ACCOUNTS === "true" : database === "embedded";
  const localOutbox = demoAccounts && !given(env.SMTP_URL);
  const demo = demoAccounts || localOutbox;
  const hostExplicit = given(env.HOSTNAME);
  const host = hostExplicit ? env.HOSTNAME : demo ? LOOPBACK_HOST : "0.0.0.0";
  const allowRemote = env.DEMO_ALLOW_REMOTE === "true";
  const production = env.NODE_ENV === "production" || database === "postgres";
  // Demo accounts in production only when asked for by name: an operator who set NODE_ENV and forgot
  // DATABASE_URL would otherwise publish a secretariat account anyone can sign in as.
  const refusal =
    demoAccounts && production && !demoExplicit
      ? [
          "Refusing to start: demo accounts would be on (no DATABASE_URL) although NODE_ENV=production.",
          "Anyone who can use them signs in as the secretariat or an anchor.",
          "For a real deployment set DATABASE_URL (PostgreSQL), SMTP_URL and APP_URL, or DEMO_ACCOUNTS=false.",
          "To try the demo anyway, set DEMO_ACCOUNTS=true.",
        ].join("\n")
      : null;
  return {
    database,
    demoAccounts,
    demoExplicit,
    localOutbox,
    demo,
    host,
    hostExplicit,
    allowRemote,
    production,
    refusal,
  };
}

export function isLoopbackHost(host) {
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host) || /^::ffff:127\./i.test(host);
}

/** The short block printed at start-up: mode, where it listens, what that exposes. */
export function startupBlock(mode, port) {
  const shown = mode.host.includes(":") ? `[${mode.host}]` : mode.host;
  const url = `http://${isLoopbackHost(mode.host) ? "localhost" : shown}:${port}`;
  const lines = [];
  if (mode.demo) {
    const mail = mode.localOutbox
      ? "e-mails kept in the local outbox (/en/dev/outbox)"
      : "e-mails sent through SMTP_URL";
    lines.push(
      `Mode: DEMO — demo accounts ${mode.demoAccounts ? "on" : "off"}, ${mail}, ${mode.database === "postgres" ? "PostgreSQL" : "embedded database"}.`,
    );
  } else {
    lines.push(
      `Mode: ${mode.production ? "production" : "local"} — no demo accounts, ${mode.localOutbox ? "local outbox" : "e-mail through SMTP_URL"}, ${mode.database === "postgres" ? "PostgreSQL" : "embedded database"}.`,
    );
  }
  if (isLoopbackHost(mode.host)) {
    lines.push(`Listens on ${shown}:${port} only: ${url} from this computer; nothing on the network can reach it.`);
    if (mode.demo)
      lines.push("Exposes: whoever uses this computer can sign in as any demo account, the secretariat included.");
  } else {
    lines.push(
      `Listens on ${shown}:${port}${mode.hostExplicit ? " (HOSTNAME)" : ""}: anyone who can reach this port sees the public pages and can use the sign-in form.`,
    );
    if (mode.demo && mode.allowRemote) {
      lines.push(
        "Exposes: DEMO_ALLOW_REMOTE=true — the outbox with every sign-in link, and the demo accounts (secretariat included), to ANYONE who can reach this port.",
      );
    } else if (mode.demo) {
      lines.push(
        "Exposes: the outbox and the demo accounts answer only requests from this computer (loopback); DEMO_ALLOW_REMOTE=true would open them to the network.",
      );
    }
  }
  return lines.map((l) => `[start] ${l}`).join("\n");
}
