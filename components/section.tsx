import type { ReactNode } from "react";

/**
 * A part of a page under its own heading: a section labelled by its h2 (the id ties the two), in
 * the pages' usual heading style unless it says otherwise.
 */
export function Section({
  id,
  title,
  className,
  headingClassName = "text-xl font-semibold",
  testId,
  children,
}: {
  /** The heading's id, which labels the section (and which links and tests may point at). */
  id: string;
  title: ReactNode;
  className?: string;
  headingClassName?: string;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className} data-testid={testId}>
      <h2 id={id} className={headingClassName}>
        {title}
      </h2>
      {children}
    </section>
  );
}
