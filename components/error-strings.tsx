"use client";
// The words of app/[locale]/error.tsx, given by the layout. The error page is the only client
// component outside the form pages' ClientMessages, so with its four strings handed down here no
// other page ships next-intl's client runtime to the browser.
import { createContext, useContext } from "react";

export interface ErrorStrings {
  title: string;
  body: string;
  retry: string;
  backHome: string;
}

const ErrorStringsContext = createContext<ErrorStrings | null>(null);

export function ErrorStringsProvider({ strings, children }: { strings: ErrorStrings; children: React.ReactNode }) {
  return <ErrorStringsContext value={strings}>{children}</ErrorStringsContext>;
}

export function useErrorStrings(): ErrorStrings {
  const strings = useContext(ErrorStringsContext);
  if (!strings) throw new Error("useErrorStrings needs the ErrorStringsProvider of app/[locale]/layout.tsx");
  return strings;
}
