import { LocaleLink } from "@/components/locale-link";

/**
 * For a person in several organisations: which one they act for on this page (plain links, so it
 * works without JavaScript), then a line naming the chosen one. `label` and `actingFor` are
 * translated by the page.
 */
export function OrganisationChooser({
  organisations,
  current,
  href,
  label,
  actingFor,
}: {
  organisations: { id: string; name: string }[];
  current: string;
  href: (organisationId: string) => string;
  label: string;
  actingFor: string;
}) {
  return (
    <>
      {organisations.length > 1 ? (
        <nav aria-label={label} className="mt-2">
          <ul className="flex flex-wrap gap-3">
            {organisations.map((o) => (
              <li key={o.id}>
                <LocaleLink
                  href={href(o.id)}
                  aria-current={o.id === current ? "page" : undefined}
                  className="underline"
                  dir="auto"
                >
                  {o.name}
                </LocaleLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <p className="mt-2" dir="auto">
        {actingFor}
      </p>
    </>
  );
}
