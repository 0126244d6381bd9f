import type { ComponentProps, ReactNode } from "react";
import { Notice } from "@/components/notice";
import { OrganisationChooser } from "@/components/organisation-chooser";

/**
 * The top of a page where a member acts for one of their organisations (registering, sending an
 * input): the outcome notice, the heading, the organisation chooser and the deadline, if any.
 */
export function ActingForHead({
  searchParams,
  heading,
  deadline,
  ...chooser
}: ComponentProps<typeof OrganisationChooser> & {
  searchParams: ComponentProps<typeof Notice>["searchParams"];
  heading: ReactNode;
  /** The deadline in words, translated by the page; null when there is none. */
  deadline: string | null;
}) {
  return (
    <>
      <Notice searchParams={searchParams} />
      {heading}
      <OrganisationChooser {...chooser} />
      {deadline ? <p className="mt-1 text-sm">{deadline}</p> : null}
    </>
  );
}
