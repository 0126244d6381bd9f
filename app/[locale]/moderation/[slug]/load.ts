import "server-only";
import { loadOrDeny, requirePageActor } from "@/lib/auth/page";
import { getConsultationForModeration } from "@/lib/consultations/moderation";
import { defaultLocale, isLocale } from "@/lib/i18n/config";

/**
 * What a consultation's moderation pages open with: the language, the signed-in user (else to the
 * sign-in page, coming back to /moderation/{slug}{path}) and the consultation, null when the user
 * may not moderate it (each page then shows its 403).
 */
export async function loadModerationPage(params: Promise<{ locale: string; slug: string }>, path: string) {
  const { locale: raw, slug } = await params;
  const locale = isLocale(raw) ? raw : defaultLocale;
  const actor = await requirePageActor(locale, `/moderation/${slug}${path}`);
  const c = await loadOrDeny(() => getConsultationForModeration({ actor, slug }));
  return { locale, slug, actor, c };
}
