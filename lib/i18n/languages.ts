// Languages (ISO 639-1) spoken across the consultations' regions, in the order forms offer them: the
// start of both an organisation's working languages and an input's languages. Names come from
// Intl.DisplayNames (./names.ts). No imports: the input form's first scripts use it.
export const regionLanguageCodes = [
  "en",
  "fr",
  "es",
  "ar",
  "pt",
  "ru",
  "zh",
  "sw",
  "hi",
  "bn",
  "ur",
  "tl",
  "id",
  "th",
  "fa",
  "tr",
  "am",
  "ha",
] as const;
