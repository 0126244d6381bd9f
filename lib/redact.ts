// Logs hold no personal data. Messages we log come from errors whose text we do not
// control (drivers, SMTP servers): any e-mail address in them is masked before it reaches the log.
const EMAIL = /[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

export function redactForLog(text: string): string {
  return text.replace(EMAIL, "[e-mail]");
}
