import type { Locator, Page } from "@playwright/test";

// The organisation's input form (/<locale>/consultations/<slug>/submit and the edit page): its
// fields by their visible labels, in the languages the specs use, and its buttons. Assertions stay
// in the specs.
const LABELS = {
  en: {
    title: "Title",
    summary: "Summary",
    body: "Full text",
    language: "Language of the input",
    submit: "Submit the input",
    saveDraft: "Save draft",
    saveEdit: "Save changes",
  },
  fr: {
    title: "Titre",
    summary: "Résumé",
    body: "Texte intégral",
    language: "Langue de la contribution",
    submit: "Soumettre la contribution",
    saveDraft: "Enregistrer le brouillon",
    saveEdit: "Enregistrer les modifications",
  },
} as const;

export type Publication = "named" | "anonymous" | "none";
const PUBLICATION_LABELS: Record<Publication, string> = {
  named: "With our organisation's name",
  anonymous: "Anonymously (our organisation is not named)",
  none: "Not at all (for the consultation only)",
};

export class SubmissionForm {
  private readonly l: (typeof LABELS)[keyof typeof LABELS];

  constructor(
    readonly page: Page,
    readonly locale: keyof typeof LABELS = "en",
  ) {
    this.l = LABELS[locale];
  }

  async open(slug: string): Promise<void> {
    await this.page.goto(`/${this.locale}/consultations/${slug}/submit`);
  }

  get title(): Locator {
    return this.page.getByLabel(this.l.title);
  }
  get summary(): Locator {
    return this.page.getByLabel(this.l.summary);
  }
  get body(): Locator {
    return this.page.getByLabel(this.l.body);
  }
  get language(): Locator {
    return this.page.getByLabel(this.l.language);
  }
  get attachments(): Locator {
    return this.page.getByLabel(/Attachments/);
  }
  recommendation(n: number): Locator {
    return this.page.getByLabel(`Recommendation ${n}`);
  }
  /** A theme's checkbox, by the start of its name ("1. Human rights", "6."). */
  theme(prefix: RegExp): Locator {
    return this.page.getByRole("checkbox", { name: prefix });
  }
  /** The publication choice (English labels). */
  publication(p: Publication): Locator {
    return this.page.getByLabel(PUBLICATION_LABELS[p]);
  }
  get contactPerson(): Locator {
    return this.page.getByLabel("Contact person", { exact: true });
  }

  get autosaveStatus(): Locator {
    return this.page.getByTestId("autosave-status");
  }
  get restoreBanner(): Locator {
    return this.page.getByTestId("restore-banner");
  }
  get errorSummary(): Locator {
    return this.page.getByTestId("error-summary");
  }
  /** On the input's page after submitting: "… reference ASIA-0042 …". */
  get referenceConfirmation(): Locator {
    return this.page.getByTestId("reference-confirmation");
  }

  /** Every field a submission requires, in English, with the text the specs read back. */
  async fillRequired(title: string): Promise<void> {
    await this.title.fill(title);
    await this.theme(/^1\. Human rights/).check();
    await this.summary.fill("Domestic workers in the Gulf need labour law protection.");
    await this.body.fill('First paragraph.\n\nSecond paragraph with « guillemets » and "quotes".');
    await this.recommendation(1).fill("Ratify ILO Convention 189.");
    await this.language.selectOption("en");
    await this.publication("named").check();
  }

  async submit(): Promise<void> {
    await this.page.getByRole("button", { name: this.l.submit }).click();
  }
  async saveDraft(): Promise<void> {
    await this.page.getByRole("button", { name: this.l.saveDraft }).click();
  }
  async saveEdit(): Promise<void> {
    await this.page.getByRole("button", { name: this.l.saveEdit }).click();
  }
  async restoreBrowserCopy(): Promise<void> {
    await this.page.getByRole("button", { name: "Restore it" }).click();
  }

  /** The reference shown after submitting ("" when none is shown). */
  async reference(pattern: RegExp): Promise<string> {
    return pattern.exec((await this.referenceConfirmation.textContent()) ?? "")?.[0] ?? "";
  }
}
