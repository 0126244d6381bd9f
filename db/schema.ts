// The whole domain. Column keys are camelCase; the database names are snake_case
// (drizzle's `casing: "snake_case"`, set in drizzle.config.ts and in db/client.ts).
import { sql, type SQL } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { locales } from "../lib/i18n/config";
import {
  ATTENDANCE_MODES,
  CHANNELS,
  CONSULTATION_STATUSES,
  CONTRIBUTION_ITEM_KINDS,
  CONTRIBUTION_STATUSES,
  ORGANISATION_TYPES,
  PUBLICATIONS,
  REGISTRATION_STATUSES,
  ROUND_STATUSES,
  SUBMISSION_STATUSES,
} from "./enums";

const tstz = (name?: string) =>
  name ? timestamp(name, { withTimezone: true, mode: "date" }) : timestamp({ withTimezone: true, mode: "date" });
const createdAt = () => tstz().notNull().defaultNow();
const updatedAt = () => tstz().notNull().defaultNow();

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

// ---------------------------------------------------------------- enums
export const localeEnum = pgEnum("locale", locales);
export const consultationStatusEnum = pgEnum("consultation_status", CONSULTATION_STATUSES);
export const roundStatusEnum = pgEnum("round_status", ROUND_STATUSES);
export const organisationTypeEnum = pgEnum("organisation_type", ORGANISATION_TYPES);
export const membershipRoleEnum = pgEnum("membership_role", ["owner", "member"]);
export const grantRoleEnum = pgEnum("grant_role", ["anchor", "secretariat"]);
export const invitationKindEnum = pgEnum("invitation_kind", ["organisation", "anchor"]);
export const registrationStatusEnum = pgEnum("registration_status", REGISTRATION_STATUSES);
export const attendanceEnum = pgEnum("attendance", ATTENDANCE_MODES);
export const submissionStatusEnum = pgEnum("submission_status", SUBMISSION_STATUSES);
export const publicationEnum = pgEnum("publication", PUBLICATIONS);
export const channelEnum = pgEnum("channel", CHANNELS);
export const outboxStatusEnum = pgEnum("outbox_status", ["pending", "sent", "failed"]);
export const exportFormatEnum = pgEnum("export_format", ["csv", "xlsx", "json", "docx", "zip"]);
export const contributionStatusEnum = pgEnum("contribution_status", CONTRIBUTION_STATUSES);

// ---------------------------------------------------------------- Auth.js (shape fixed by @auth/drizzle-adapter)
export const users = pgTable("users", {
  id: text()
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: text(),
  email: text().notNull().unique(),
  emailVerified: tstz(),
  image: text(),
  locale: localeEnum().notNull().default("en"),
  createdAt: createdAt(),
});

export const accounts = pgTable(
  "accounts",
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text().notNull(),
    provider: text().notNull(),
    providerAccountId: text().notNull(),
    refresh_token: text(),
    access_token: text(),
    expires_at: integer(),
    token_type: text(),
    scope: text(),
    id_token: text(),
    session_state: text(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index().on(t.userId)],
);

export const sessions = pgTable(
  "sessions",
  {
    sessionToken: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expires: tstz().notNull(),
  },
  (t) => [index().on(t.userId)],
);

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text().notNull(),
    token: text().notNull(),
    expires: tstz().notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

// ---------------------------------------------------------------- rounds
// A round of regional consultations (2017 toward the Compact; its regional reviews every four years):
// its consultations and its topics. Organisations and accounts belong to no round.
export const rounds = pgTable(
  "rounds",
  {
    id: uuid().primaryKey().defaultRandom(),
    // In URLs (/rounds/2017) and in the codes of its consultations' references (PAC-2025-0001).
    slug: text().notNull().unique(),
    startsOn: date({ mode: "string" }).notNull(),
    endsOn: date({ mode: "string" }).notNull(),
    status: roundStatusEnum().notNull().default("preparing"),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check("rounds_dates_ordered", sql`${t.endsOn} >= ${t.startsOn}`)],
);

export const roundTranslations = pgTable(
  "round_translations",
  {
    roundId: uuid()
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    locale: localeEnum().notNull(),
    name: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.locale] })],
);

// ---------------------------------------------------------------- consultations and themes
export const consultations = pgTable(
  "consultations",
  {
    id: uuid().primaryKey().defaultRandom(),
    roundId: uuid()
      .notNull()
      .references(() => rounds.id, { onDelete: "restrict" }),
    slug: text().notNull().unique(),
    // Prefix of submission references, e.g. MENA-0042.
    code: text().notNull().unique(),
    region: text().notNull(),
    city: text().notNull(),
    // ISO 3166-1 alpha-2; names are rendered per locale with Intl.DisplayNames.
    country: text().notNull(),
    startsOn: date({ mode: "string" }).notNull(),
    endsOn: date({ mode: "string" }).notNull(),
    timeZone: text().notNull(),
    anchors: text().notNull(),
    registrationDeadline: tstz(),
    submissionDeadline: tstz(),
    // Null: no limit on in-person seats.
    inPersonCapacity: integer(),
    status: consultationStatusEnum().notNull().default("open"),
    // Last reference number handed out; incremented in the submitting transaction (never reused).
    lastReference: integer().notNull().default(0),
    sortOrder: smallint().notNull().default(0),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.roundId),
    check("consultations_dates_ordered", sql`${t.endsOn} >= ${t.startsOn}`),
    check("consultations_capacity_positive", sql`${t.inPersonCapacity} is null or ${t.inPersonCapacity} >= 0`),
  ],
);

// Optional headings over a round's topics (the review's round tables over the Compact's objectives).
export const themeGroups = pgTable(
  "theme_groups",
  {
    id: uuid().primaryKey().defaultRandom(),
    roundId: uuid()
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    position: smallint().notNull().default(0),
  },
  (t) => [index().on(t.roundId)],
);

export const themeGroupTranslations = pgTable(
  "theme_group_translations",
  {
    groupId: uuid()
      .notNull()
      .references(() => themeGroups.id, { onDelete: "cascade" }),
    locale: localeEnum().notNull(),
    name: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.locale] })],
);

// A round's topics. Ids are global and never reused (submissions.themes holds them): the 2017
// themes are 1–6; a new round's topics take the next free numbers.
export const themes = pgTable(
  "themes",
  {
    id: smallint().primaryKey(),
    roundId: uuid()
      .notNull()
      .references(() => rounds.id, { onDelete: "restrict" }),
    slug: text().notNull(),
    position: smallint().notNull().default(0),
    groupId: uuid().references(() => themeGroups.id, { onDelete: "set null" }),
  },
  (t) => [unique("themes_round_slug").on(t.roundId, t.slug), index().on(t.roundId, t.position)],
);

export const themeTranslations = pgTable(
  "theme_translations",
  {
    themeId: smallint()
      .notNull()
      .references(() => themes.id, { onDelete: "cascade" }),
    locale: localeEnum().notNull(),
    name: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.themeId, t.locale] })],
);

// ---------------------------------------------------------------- organisations and roles
export const organisations = pgTable(
  "organisations",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    acronym: text(),
    country: text().notNull(),
    city: text(),
    website: text(),
    type: organisationTypeEnum().notNull(),
    workingLanguages: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // Null only for an organisation an anchor created when entering its input received by paper or
    // voice: such a group may have no e-mail address (and then gets no e-mail).
    contactEmail: text(),
    // Language of the organisation's e-mails (receipts, status changes).
    locale: localeEnum().notNull().default("en"),
    verifiedAt: tstz(),
    verifiedBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.country), index().on(t.type)],
);

export const memberships = pgTable(
  "memberships",
  {
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: membershipRoleEnum().notNull().default("member"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] }), index().on(t.userId)],
);

export const roleGrants = pgTable(
  "role_grants",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: grantRoleEnum().notNull(),
    consultationId: uuid().references(() => consultations.id, { onDelete: "cascade" }),
    grantedBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    unique("role_grants_one_per_scope").on(t.userId, t.role, t.consultationId).nullsNotDistinct(),
    index().on(t.consultationId),
    // An anchor is always of one consultation; the secretariat of none.
    check(
      "role_grants_scope",
      sql`(${t.role} = 'anchor' and ${t.consultationId} is not null) or (${t.role} = 'secretariat' and ${t.consultationId} is null)`,
    ),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: invitationKindEnum().notNull(),
    email: text().notNull(),
    organisationId: uuid().references(() => organisations.id, { onDelete: "cascade" }),
    consultationId: uuid().references(() => consultations.id, { onDelete: "cascade" }),
    role: membershipRoleEnum().notNull().default("member"),
    // SHA-256 of the token sent by e-mail; the token itself is never stored.
    tokenHash: text().notNull().unique(),
    locale: localeEnum().notNull().default("en"),
    invitedBy: text().references(() => users.id, { onDelete: "set null" }),
    expiresAt: tstz().notNull(),
    acceptedAt: tstz(),
    acceptedBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.organisationId),
    index().on(t.consultationId),
    index().on(t.email),
    check(
      "invitations_scope",
      sql`(${t.kind} = 'organisation' and ${t.organisationId} is not null) or (${t.kind} = 'anchor' and ${t.consultationId} is not null)`,
    ),
  ],
);

// ---------------------------------------------------------------- registrations
export const registrations = pgTable(
  "registrations",
  {
    id: uuid().primaryKey().defaultRandom(),
    consultationId: uuid()
      .notNull()
      .references(() => consultations.id, { onDelete: "restrict" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    status: registrationStatusEnum().notNull().default("pending"),
    // Seats held in person (participants attending in person), kept for seat accounting.
    inPersonSeats: integer().notNull().default(0),
    // Order on the waitlist: when the registration was (last) waitlisted.
    waitlistedAt: tstz(),
    consentAt: tstz().notNull(),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("registrations_one_per_organisation").on(t.consultationId, t.organisationId),
    index().on(t.organisationId),
    index().on(t.consultationId, t.status),
  ],
);

export const participants = pgTable(
  "participants",
  {
    id: uuid().primaryKey().defaultRandom(),
    registrationId: uuid()
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    position: smallint().notNull(),
    name: text().notNull(),
    title: text(),
    email: text().notNull(),
    attendance: attendanceEnum().notNull(),
    visaLetter: boolean().notNull().default(false),
    nationality: text(),
    accessibility: text(),
    interpretationLanguage: text(),
    dietary: text(),
    travelSupport: boolean().notNull().default(false),
    travelSupportReason: text(),
  },
  (t) => [unique().on(t.registrationId, t.position)],
);

// ---------------------------------------------------------------- submissions (§C, §D)
export const submissions = pgTable(
  "submissions",
  {
    id: uuid().primaryKey().defaultRandom(),
    consultationId: uuid()
      .notNull()
      .references(() => consultations.id, { onDelete: "restrict" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    // Given on first submit (e.g. MENA-0042); null while a draft.
    reference: text().unique(),
    status: submissionStatusEnum().notNull().default("draft"),
    title: text().notNull().default(""),
    themes: smallint()
      .array()
      .notNull()
      .default(sql`'{}'::smallint[]`),
    summary: text().notNull().default(""),
    body: text().notNull().default(""),
    recommendations: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    countries: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    language: text().notNull().default("en"),
    contactName: text(),
    contactEmail: text(),
    publication: publicationEnum().notNull().default("none"),
    keywords: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    moderatorMessage: text(),
    publishedAt: tstz(),
    duplicateOfId: uuid(),
    channel: channelEnum().notNull().default("web"),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    // Set when an anchor entered the input on the organisation's behalf.
    enteredBy: text().references(() => users.id, { onDelete: "set null" }),
    // One form instance, one submission: a retried POST with the same key finds this row.
    idempotencyKey: text().unique(),
    version: integer().notNull().default(1),
    submittedAt: tstz(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // Full-text document over every language: a language-neutral part plus a stemmed one.
    search: tsvector()
      .notNull()
      .generatedAlwaysAs(
        (): SQL => sql`
          setweight(to_tsvector('simple', coalesce(title, '')), 'A') ||
          setweight(to_tsvector('simple', coalesce(summary, '')), 'B') ||
          setweight(to_tsvector('simple', coalesce(body, '') || ' ' || immutable_text_array_to_string(recommendations, ' ')), 'C') ||
          to_tsvector(
            case language when 'en' then 'english'::regconfig when 'fr' then 'french'::regconfig
              when 'es' then 'spanish'::regconfig when 'ar' then 'arabic'::regconfig else 'simple'::regconfig end,
            coalesce(title, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(body, '') || ' ' ||
              immutable_text_array_to_string(recommendations, ' '))`,
      ),
  },
  (t) => [
    index().on(t.organisationId, t.status),
    index("submissions_queue_idx").on(t.consultationId, t.status, t.submittedAt, t.id),
    index("submissions_queue_time_idx").on(t.consultationId, t.submittedAt, t.id),
    // The secretariat's queue across every consultation (drafts have no submitted_at and never show).
    index("submissions_time_idx")
      .on(t.submittedAt, t.id)
      .where(sql`${t.status} <> 'draft'`),
    // The public inputs page (lib/public/inputs.ts): newest published first (read backwards), keyset by (published_at, id).
    index("submissions_public_idx")
      .on(t.publishedAt, t.id)
      .where(sql`${t.status} = 'accepted' and ${t.publishedAt} is not null and ${t.publication} <> 'none'`),
    // Lets the overview's counts be answered from the index alone.
    index("submissions_overview_idx").on(
      t.consultationId,
      t.status,
      t.organisationId,
      t.language,
      t.themes,
      t.countries,
    ),
    index("submissions_themes_idx").using("gin", t.themes),
    index("submissions_countries_idx").using("gin", t.countries),
    index("submissions_search_idx").using("gin", t.search),
    index().on(t.duplicateOfId),
    check("submissions_reference_when_submitted", sql`${t.status} = 'draft' or ${t.reference} is not null`),
    check("submissions_recommendations_max", sql`cardinality(${t.recommendations}) <= 5`),
    check("submissions_themes_max", sql`cardinality(${t.themes}) <= 6`),
  ],
);

export const submissionRevisions = pgTable(
  "submission_revisions",
  {
    id: uuid().primaryKey().defaultRandom(),
    submissionId: uuid()
      .notNull()
      .references(() => submissions.id, { onDelete: "cascade" }),
    number: integer().notNull(),
    // The submitted fields as they stood at this revision (title, themes, summary, body …).
    content: jsonb().notNull(),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.submissionId, t.number)],
);

// Bytes behind the storage interface (lib/storage): PostgreSQL now, an object store later.
export const storedFiles = pgTable("stored_files", {
  key: text().primaryKey(),
  data: bytea().notNull(),
  createdAt: createdAt(),
});

export const attachments = pgTable(
  "attachments",
  {
    id: uuid().primaryKey().defaultRandom(),
    submissionId: uuid()
      .notNull()
      .references(() => submissions.id, { onDelete: "cascade" }),
    fileName: text().notNull(),
    mediaType: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull().unique(),
    uploadedBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.submissionId), check("attachments_size_limit", sql`${t.size} <= 10485760`)],
);

export const internalNotes = pgTable(
  "internal_notes",
  {
    id: uuid().primaryKey().defaultRandom(),
    submissionId: uuid()
      .notNull()
      .references(() => submissions.id, { onDelete: "cascade" }),
    authorId: text().references(() => users.id, { onDelete: "set null" }),
    body: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.submissionId)],
);

// Audit log: every moderation and administrative action (who, when, from → to, note).
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    actorId: text().references(() => users.id, { onDelete: "set null" }),
    action: text().notNull(),
    roundId: uuid().references(() => rounds.id, { onDelete: "cascade" }),
    consultationId: uuid().references(() => consultations.id, { onDelete: "cascade" }),
    organisationId: uuid().references(() => organisations.id, { onDelete: "set null" }),
    submissionId: uuid().references(() => submissions.id, { onDelete: "cascade" }),
    registrationId: uuid().references(() => registrations.id, { onDelete: "cascade" }),
    fromState: text(),
    toState: text(),
    note: text(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.submissionId, t.createdAt), index().on(t.consultationId, t.createdAt)],
);

export const exportLog = pgTable(
  "export_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    actorId: text().references(() => users.id, { onDelete: "set null" }),
    consultationId: uuid().references(() => consultations.id, { onDelete: "cascade" }),
    format: exportFormatEnum().notNull(),
    kind: text().notNull(),
    filters: jsonb()
      .notNull()
      .default(sql`'{}'::jsonb`),
    rowCount: integer(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.createdAt)],
);

// ---------------------------------------------------------------- infrastructure
// Every e-mail is written here in the transaction of the change that causes it; a sender delivers it.
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    to: text().notNull(),
    // The organisation the e-mail is about (receipts, invitations, decisions): deleting the
    // organisation deletes its e-mails, sent or pending. Null for e-mails about a person (sign-in).
    organisationId: uuid().references(() => organisations.id, { onDelete: "cascade" }),
    locale: localeEnum().notNull().default("en"),
    template: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    status: outboxStatusEnum().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: tstz().notNull().defaultNow(),
    lastError: text(),
    sentAt: tstz(),
    createdAt: createdAt(),
  },
  (t) => [
    index("email_outbox_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index().on(t.organisationId),
  ],
);

// Fixed-window counters, shared by every app instance (sign-in e-mails per address and per client).
export const rateLimitBuckets = pgTable("rate_limit_buckets", {
  key: text().primaryKey(),
  windowStart: tstz().notNull(),
  count: integer().notNull(),
});

// ---------------------------------------------------------------- the region's contribution (lib/synthesis)
// One per consultation: the anchors' synthesis of the inputs, per theme, every paragraph and
// recommendation citing the inputs it draws on. Draft → submitted to the secretariat → returned
// with a comment → … → final (published on the consultation's page).
export const contributions = pgTable("contributions", {
  id: uuid().primaryKey().defaultRandom(),
  consultationId: uuid()
    .notNull()
    .unique()
    .references(() => consultations.id, { onDelete: "cascade" }),
  status: contributionStatusEnum().notNull().default("draft"),
  // The language it is written in (its DOCX is in that language).
  language: localeEnum().notNull().default("en"),
  // The secretariat's comment when it returned the contribution.
  returnComment: text(),
  // Of the workflow (submit, return, finalise); each theme's text has a version of its own.
  version: integer().notNull().default(1),
  submittedAt: tstz(),
  finalisedAt: tstz(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** One paragraph or recommendation of a theme's section, as stored (cited inputs by id). */
export interface ContributionItem {
  kind: (typeof CONTRIBUTION_ITEM_KINDS)[number];
  text: string;
  citations: string[];
}

// A theme's section: its paragraphs and recommendations in order. Saved whole, version-checked, so
// two anchors editing one theme get a conflict, never an overwrite.
export const contributionSections = pgTable(
  "contribution_sections",
  {
    contributionId: uuid()
      .notNull()
      .references(() => contributions.id, { onDelete: "cascade" }),
    themeId: smallint()
      .notNull()
      .references(() => themes.id, { onDelete: "restrict" }),
    items: jsonb()
      .$type<ContributionItem[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    // Number of saves; 0 until the first.
    version: integer().notNull().default(0),
    updatedBy: text().references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.contributionId, t.themeId] })],
);

// Every saved version of a section, for the history and its differences.
export const contributionRevisions = pgTable(
  "contribution_revisions",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    contributionId: uuid()
      .notNull()
      .references(() => contributions.id, { onDelete: "cascade" }),
    themeId: smallint().notNull(),
    number: integer().notNull(),
    items: jsonb().$type<ContributionItem[]>().notNull(),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.contributionId, t.themeId, t.number)],
);

// The citations of the saved sections, one row per (item, input): what coverage and the counts
// beside each citation are computed from. Rewritten with the section, in its transaction.
export const contributionCitations = pgTable(
  "contribution_citations",
  {
    contributionId: uuid()
      .notNull()
      .references(() => contributions.id, { onDelete: "cascade" }),
    themeId: smallint().notNull(),
    position: smallint().notNull(),
    submissionId: uuid()
      .notNull()
      .references(() => submissions.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.contributionId, t.themeId, t.position, t.submissionId] }),
    index().on(t.submissionId),
  ],
);

// Inputs an anchor has read and chose not to cite, with why: coverage counts them as seen.
export const coverageNotes = pgTable(
  "coverage_notes",
  {
    consultationId: uuid()
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    submissionId: uuid()
      .notNull()
      .references(() => submissions.id, { onDelete: "cascade" }),
    note: text().notNull().default(""),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.consultationId, t.submissionId] })],
);

export type Round = typeof rounds.$inferSelect;
export type ThemeGroup = typeof themeGroups.$inferSelect;
export type Consultation = typeof consultations.$inferSelect;
export type NewConsultation = typeof consultations.$inferInsert;
export type Theme = typeof themes.$inferSelect;
export type User = typeof users.$inferSelect;
export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;
export type Membership = typeof memberships.$inferSelect;
export type RoleGrant = typeof roleGrants.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type Registration = typeof registrations.$inferSelect;
export type Participant = typeof participants.$inferSelect;
export type Submission = typeof submissions.$inferSelect;
export type SubmissionRevision = typeof submissionRevisions.$inferSelect;
export type Attachment = typeof attachments.$inferSelect;
export type InternalNote = typeof internalNotes.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type ExportLogEntry = typeof exportLog.$inferSelect;
export type Contribution = typeof contributions.$inferSelect;
export type ContributionSection = typeof contributionSections.$inferSelect;
export type ContributionStatus = (typeof contributionStatusEnum.enumValues)[number];
export type OutboxEmail = typeof emailOutbox.$inferSelect;
export type Locale = (typeof localeEnum.enumValues)[number];
export type OrganisationType = (typeof organisationTypeEnum.enumValues)[number];
export type SubmissionStatus = (typeof submissionStatusEnum.enumValues)[number];
export type RegistrationStatus = (typeof registrationStatusEnum.enumValues)[number];
