import type { ReactNode } from "react";
import { LocaleLink } from "@/components/locale-link";

/** A page for an organisation's members, seen by someone in none: where to create one. */
export function NeedOrganisation({ heading, text, link }: { heading: ReactNode; text: string; link: string }) {
  return (
    <>
      {heading}
      <p className="mt-4">{text}</p>
      <p className="mt-2">
        <LocaleLink href="/organisations/new" className="font-medium text-brand underline">
          {link}
        </LocaleLink>
      </p>
    </>
  );
}
