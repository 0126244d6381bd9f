// Convenience only: sends "/" and unprefixed paths to the visitor's language (Accept-Language).
// Never an access check: pages, actions and lib/ functions check the session themselves.
import createMiddleware from "next-intl/middleware";
import { routing } from "@/lib/i18n/routing";

export default createMiddleware(routing);

export const config = {
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
