import type { Locator, Page } from "@playwright/test";
import { expect } from "../fixtures";

// The anchors' moderation pages (English): the queue of a consultation and an input's detail page
// with its decisions, notes and history.

export class ModerationQueue {
  constructor(readonly page: Page) {}

  async open(slug: string, query = ""): Promise<void> {
    await this.page.goto(`/en/moderation/${slug}${query}`);
  }

  get rows(): Locator {
    return this.page.getByTestId("queue-row");
  }

  /** An export link of the queue as filtered: csv, json or xlsx. */
  exportLink(format: "csv" | "json" | "xlsx"): Locator {
    return this.page.getByTestId(`export-${format}`);
  }

  /** Searches the submitted inputs and expects the one it names. */
  async findSubmitted(slug: string, search: string): Promise<void> {
    await this.open(slug);
    await this.page.getByLabel("Search (any language)").fill(search);
    await this.page.getByLabel("Status").selectOption("submitted");
    await this.page.getByRole("button", { name: "Apply" }).click();
    await expect(this.page).toHaveURL(/q=/);
    await expect(this.rows).toHaveCount(1);
  }

  /** Opens the first row's input. */
  async openFirst(): Promise<void> {
    await this.rows.getByRole("link").click();
  }
}

export class ModerationDetail {
  constructor(readonly page: Page) {}

  get status(): Locator {
    return this.page.getByTestId("moderation-status");
  }
  get notes(): Locator {
    return this.page.getByTestId("internal-note");
  }
  get auditRows(): Locator {
    return this.page.getByTestId("audit-row");
  }
  get revisionDiff(): Locator {
    return this.page.getByTestId("revision-diff");
  }
  get publishButton(): Locator {
    return this.page.getByRole("button", { name: /^Publish/ });
  }

  async requestChanges(message: string): Promise<void> {
    await this.page
      .getByTestId("form-requestChanges")
      .getByLabel("Message to the organisation (sent by e-mail)")
      .fill(message);
    await this.page.getByRole("button", { name: "Request changes" }).click();
  }
  async addNote(text: string): Promise<void> {
    await this.page.getByTestId("form-note").getByLabel("New note").fill(text);
    await this.page.getByRole("button", { name: "Add the note" }).click();
  }
  async accept(): Promise<void> {
    await this.page.getByRole("button", { name: "Accept", exact: true }).click();
  }
  async publish(): Promise<void> {
    await this.publishButton.click();
  }
}
