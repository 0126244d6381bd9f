import { getTranslations } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { Section } from "@/components/section";
import type { SimilarInput } from "@/lib/synthesis/coverage";

/** The inputs of the same consultation most alike this one, each with its similarity, to spot duplicates. */
export async function SimilarInputs({ similar, slug }: { similar: SimilarInput[]; slug: string }) {
  const [ts, tSyn] = await Promise.all([getTranslations("mySubmissions"), getTranslations("synthesis")]);
  return (
    <Section id="similar" title={tSyn("similar")} className="mt-8 max-w-3xl" testId="similar-inputs">
      {similar.length === 0 ? (
        <p className="mt-2">{tSyn("similarNone")}</p>
      ) : (
        <ul className="mt-2 space-y-1">
          {similar.map((x) => (
            <li key={x.id}>
              <LocaleLink href={`/moderation/${slug}/submissions/${x.id}`} className="text-brand underline">
                {x.reference}
              </LocaleLink>{" "}
              <span dir="auto">{x.title}</span> · {x.organisation} · {ts(`statuses.${x.status}` as never)} ·{" "}
              {tSyn("similarity", { value: x.similarity })}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
