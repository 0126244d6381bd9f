// The permission matrix (issue 3): every data-access function, called by every kind of actor, is
// allowed or refused as the table says — and a refusal writes nothing. Every server action, called
// with no session, is refused before it reaches lib/. Removing any one check fails a row here.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseForTests } from "@/db/client";
import {
  attachments,
  auditEvents,
  consultations,
  contributionRevisions,
  contributionSections,
  contributions,
  coverageNotes,
  emailOutbox,
  invitations,
  memberships,
  organisations,
  registrations,
  roleGrants,
  rounds,
  submissions,
  themeGroups,
  themes,
} from "@/db/schema";
import { ACTION_DEPS, type ActionDeps } from "@/lib/actions";
import type { Actor } from "@/lib/auth/actor";
import {
  getConsultationForSecretariat,
  inviteAnchor,
  listAnchors,
  listConsultationsForSecretariat,
  removeAnchor,
  updateConsultation,
} from "@/lib/consultations/admin";
import { DomainError } from "@/lib/errors";
import {
  addConsultation,
  addTopic,
  addTopicGroup,
  createRound,
  currentRound,
  deleteTopic,
  getPublicRound,
  getRound,
  groupTopic,
  importGcmObjectives,
  importTopics,
  listPublicRounds,
  listRounds,
  moveTopic,
  renameTopic,
  roundForView,
  roundOfConsultation,
  updateConsultationDetails,
  updateRound,
} from "@/lib/rounds";
import { exportParticipants } from "@/lib/exports/participants";
import { countExportLog, exportRows, exportSubmissions, listExportLog } from "@/lib/exports/submissions";
import { acceptInvitation, createInvitation } from "@/lib/invitations";
import { addInternalNote, bulkModerate, moderate } from "@/lib/moderation/decisions";
import { diffRevisions, getSubmissionForModeration } from "@/lib/moderation/detail";
import { getOverview, listQueue } from "@/lib/moderation/queue";
import { inputsByRegion } from "@/lib/moderation/regions";
import { getRegionsOverview } from "@/lib/moderation/regions";
import { bulkSchema, moderationActionSchema, queueFiltersSchema } from "@/lib/moderation/schemas";
import {
  createOrganisation,
  getOrganisation,
  inviteMember,
  listMembers,
  removeMember,
  setOrganisationVerified,
  transferOwnership,
  updateOrganisation,
} from "@/lib/organisations";
import { deleteOrganisation, exportOrganisationData } from "@/lib/organisations/data";
import {
  decideRegistration,
  getOwnRegistration,
  listOwnRegistrations,
  listRegistrationsForModeration,
  participantsForExport,
  saveRegistration,
  withdrawRegistration,
} from "@/lib/registrations";
import {
  contentOf,
  editSubmission,
  getAttachmentForDownload,
  getOrganisationForBehalf,
  getOwnSubmission,
  saveDraft,
  searchOrganisationsForBehalf,
  submitOnBehalf,
  submitSubmission,
  withdrawSubmission,
} from "@/lib/submissions";
import { behalfSubmissionSchema, draftSchema, submissionSchema } from "@/lib/submissions/schemas";
import { getCoverage, markReadNotCited, similarInputs } from "@/lib/synthesis/coverage";
import {
  changeContributionStatus,
  getContribution,
  getPublishedContribution,
  listSectionRevisions,
  saveSection,
} from "@/lib/synthesis";
import { contributionStepSchema, readNotCitedSchema, sectionSchema } from "@/lib/synthesis/schemas";
import { createTestDatabase, drivers, type TestDatabase } from "@/lib/testing/db";
import { actorNames, buildWorld, type ActorName, type World } from "@/lib/testing/fixtures";
import { getConsultationForModeration } from "@/lib/consultations/moderation";
import { beforeDeadlines as beforeDeadline } from "@/lib/testing/inputs";

const orgInput = {
  name: "Matrix organisation",
  country: "FJ" as const,
  type: "ngo" as const,
  workingLanguages: ["en" as const],
  contactEmail: "matrix@example.net",
  locale: "en" as const,
  acronym: undefined,
  city: undefined,
  website: undefined,
};

interface Row {
  name: string;
  allowed: readonly ActorName[];
  run: (actor: Actor, w: World) => Promise<unknown>;
  /** Restores the world after an allowed call changed it. */
  reset?: (w: World, t: TestDatabase) => Promise<void>;
  /** Reads change nothing; writes must leave no trace when refused. */
  write?: boolean;
}

const restoreOrgA = async (w: World, t: TestDatabase) => {
  await t.db.delete(memberships).where(eq(memberships.organisationId, w.orgA));
  await t.db.insert(memberships).values([
    { organisationId: w.orgA, userId: w.ids.ownerA, role: "owner" },
    { organisationId: w.orgA, userId: w.ids.memberA, role: "member" },
  ]);
};

const matrix: Row[] = [
  {
    name: "getOrganisation(A)",
    allowed: ["memberA", "ownerA", "anchorX", "secretariat"],
    run: (a, w) => getOrganisation({ actor: a, organisationId: w.orgA }),
  },
  {
    name: "listMembers(A)",
    allowed: ["memberA", "ownerA"],
    run: (a, w) => listMembers({ actor: a, organisationId: w.orgA }),
  },
  {
    name: "createOrganisation",
    allowed: actorNames,
    write: true,
    run: (a) => createOrganisation({ actor: a, input: orgInput }),
  },
  {
    name: "updateOrganisation(A)",
    allowed: ["ownerA"],
    write: true,
    run: (a, w) => updateOrganisation({ actor: a, organisationId: w.orgA, input: orgInput }),
  },
  {
    name: "inviteMember(A)",
    allowed: ["ownerA"],
    write: true,
    run: (a, w) =>
      inviteMember({
        actor: a,
        input: { organisationId: w.orgA, email: "new@example.net", role: "member", locale: "fr" },
      }),
  },
  {
    name: "removeMember(A, memberA)",
    allowed: ["ownerA", "memberA"],
    write: true,
    run: (a, w) => removeMember({ actor: a, organisationId: w.orgA, userId: w.ids.memberA }),
    reset: restoreOrgA,
  },
  {
    name: "transferOwnership(A → memberA)",
    allowed: ["ownerA"],
    write: true,
    run: (a, w) => transferOwnership({ actor: a, organisationId: w.orgA, userId: w.ids.memberA }),
    reset: restoreOrgA,
  },
  {
    name: "setOrganisationVerified(A)",
    allowed: ["anchorX", "secretariat"],
    write: true,
    run: (a, w) => setOrganisationVerified({ actor: a, organisationId: w.orgA, verified: true }),
  },
  {
    name: "setOrganisationVerified(B)",
    allowed: ["secretariat"],
    write: true,
    run: (a, w) => setOrganisationVerified({ actor: a, organisationId: w.orgB, verified: true }),
  },
  {
    name: "listConsultationsForSecretariat",
    allowed: ["secretariat"],
    run: (a) => listConsultationsForSecretariat({ actor: a }),
  },
  {
    name: "getConsultationForSecretariat(X)",
    allowed: ["secretariat"],
    run: (a) => getConsultationForSecretariat({ actor: a, slug: "asia" }),
  },
  {
    name: "updateConsultation(X)",
    allowed: ["secretariat"],
    write: true,
    run: async (a, w) => {
      const c = await consultationVersion();
      return updateConsultation({
        actor: a,
        input: {
          consultationId: w.consultationX,
          version: c,
          startsOn: "2017-08-04",
          endsOn: "2017-08-05",
          inPersonCapacity: 50,
          status: "open",
          registrationDeadline: undefined,
          submissionDeadline: "2017-08-01T23:59",
        },
      });
    },
  },
  {
    name: "listAnchors(X)",
    allowed: ["secretariat"],
    run: (a, w) => listAnchors({ actor: a, consultationId: w.consultationX }),
  },
  {
    name: "inviteAnchor(X)",
    allowed: ["secretariat"],
    write: true,
    run: (a, w) =>
      inviteAnchor({ actor: a, input: { consultationId: w.consultationX, email: "anchor@example.net", locale: "es" } }),
  },
  {
    name: "removeAnchor(X, anchorX)",
    allowed: ["secretariat"],
    write: true,
    run: (a, w) => removeAnchor({ actor: a, consultationId: w.consultationX, userId: w.ids.anchorX }),
    reset: async (w, t) => {
      await t.db
        .insert(roleGrants)
        .values({ userId: w.ids.anchorX, role: "anchor", consultationId: w.consultationX })
        .onConflictDoNothing();
    },
  },
  {
    name: "acceptInvitation(to memberB's address, into A)",
    allowed: ["memberB"],
    write: true,
    run: (a) => acceptInvitation({ actor: a, token: currentToken }),
    reset: async (w, t) => {
      await t.db.delete(memberships).where(eq(memberships.userId, w.ids.memberB));
      await t.db.insert(memberships).values({ organisationId: w.orgB, userId: w.ids.memberB, role: "member" });
    },
  },
];

const registrationOfA = async (t: TestDatabase, w: World) => {
  const [r] = await t.db
    .select()
    .from(registrations)
    .where(eq(registrations.organisationId, w.orgA))
    .orderBy(registrations.createdAt)
    .limit(1);
  return r!;
};
const restoreRegistrationOfA = async (w: World, t: TestDatabase) => {
  const r = await registrationOfA(t, w);
  await t.db.update(registrations).set({ status: "pending" }).where(eq(registrations.id, r.id));
};
const participant = {
  name: "P",
  email: "p@example.net",
  attendance: "remote" as const,
  visaLetter: false,
  travelSupport: false,
  title: undefined,
  nationality: undefined,
  accessibility: undefined,
  interpretationLanguage: undefined,
  dietary: undefined,
  travelSupportReason: undefined,
};
let theTestDatabase: TestDatabase;

matrix.push(
  {
    name: "getOwnRegistration(A in X)",
    allowed: ["memberA", "ownerA"],
    run: (a, w) => getOwnRegistration({ actor: a, consultationId: w.consultationX, organisationId: w.orgA }),
  },
  {
    name: "listOwnRegistrations(A)",
    allowed: ["memberA", "ownerA"],
    run: (a, w) => listOwnRegistrations({ actor: a, organisationId: w.orgA }),
  },
  {
    name: "saveRegistration(A in Y)",
    allowed: ["memberA", "ownerA"],
    write: true,
    run: (a, w) =>
      saveRegistration({
        actor: a,
        input: {
          consultationId: w.consultationY,
          organisationId: w.orgA,
          version: 0,
          participants: [participant],
          consent: true,
        },
      }),
    reset: async (w, t) => {
      await t.db
        .delete(registrations)
        .where(and(eq(registrations.organisationId, w.orgA), eq(registrations.consultationId, w.consultationY)));
    },
  },
  {
    name: "withdrawRegistration(A in X)",
    allowed: ["memberA", "ownerA"],
    write: true,
    run: async (a, w) => {
      const r = await registrationOfA(theTestDatabase, w);
      return withdrawRegistration({ actor: a, registrationId: r.id, version: r.version });
    },
    reset: restoreRegistrationOfA,
  },
  {
    name: "listRegistrationsForModeration(X)",
    allowed: ["anchorX", "secretariat"],
    run: (a, w) => listRegistrationsForModeration({ actor: a, consultationId: w.consultationX, filters: {} }),
  },
  {
    name: "decideRegistration(A in X)",
    allowed: ["anchorX", "secretariat"],
    write: true,
    run: async (a, w) => {
      const r = await registrationOfA(theTestDatabase, w);
      return decideRegistration({ actor: a, input: { registrationId: r.id, version: r.version, status: "declined" } });
    },
    reset: restoreRegistrationOfA,
  },
  {
    name: "participantsForExport(X)",
    allowed: ["anchorX", "secretariat"],
    run: (a, w) => participantsForExport({ actor: a, consultationId: w.consultationX }).next(),
  },
  {
    name: "getConsultationForModeration(X)",
    allowed: ["anchorX", "secretariat"],
    run: (a) => getConsultationForModeration({ actor: a, slug: "asia" }),
  },
);

// A's submitted input in X with one attachment, made in beforeAll. Submits and edits run at a fixed
// time: the updateConsultation row above sets X's submission deadline to 1 August 2017.
let submissionOfA = { id: "", attachmentId: "" };
// A second input of A's in X, which bulk request-changes rows send back and reset.
let bulkTargetOfA = "";
const MATRIX_DRAFT = "Matrix draft";
const MATRIX_SUBMISSION = "Matrix submission";
const MATRIX_ON_BEHALF = "Matrix on behalf";
const freshKey = () => randomUUID().replaceAll("-", "");
const submissionFields = (w: World, title: string) => ({
  consultationId: w.consultationX,
  organisationId: w.orgA,
  version: 0,
  idempotencyKey: freshKey(),
  title,
  themes: [1],
  summary: "Summary",
  body: "Body",
  recommendations: [],
  countries: ["FJ"],
  language: "en",
  contactName: "Contact",
  contactEmail: "contact@example.net",
  publication: "none",
});
const minimalPdf = () =>
  new TextEncoder().encode("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
const currentSubmissionOfA = async () => {
  const [s] = await theTestDatabase.db.select().from(submissions).where(eq(submissions.id, submissionOfA.id));
  return s!;
};

matrix.push(
  {
    name: "getOwnSubmission(A's)",
    allowed: ["memberA", "ownerA"],
    run: (a) => getOwnSubmission({ actor: a, submissionId: submissionOfA.id }),
  },
  {
    name: "saveDraft(A in X)",
    allowed: ["memberA", "ownerA"],
    write: true,
    run: (a, w) =>
      saveDraft({ actor: a, input: draftSchema.parse({ ...submissionFields(w, MATRIX_DRAFT), intent: "draft" }) }),
    reset: async (w, t) => {
      await t.db
        .delete(submissions)
        .where(and(eq(submissions.organisationId, w.orgA), eq(submissions.title, MATRIX_DRAFT)));
    },
  },
  {
    name: "submitSubmission(A in X)",
    allowed: ["memberA", "ownerA"],
    write: true,
    run: (a, w) =>
      submitSubmission({
        actor: a,
        input: submissionSchema.parse({ ...submissionFields(w, MATRIX_SUBMISSION), intent: "submit" }),
        now: beforeDeadline,
      }),
    reset: async (w, t) => {
      await t.db
        .delete(submissions)
        .where(and(eq(submissions.organisationId, w.orgA), eq(submissions.title, MATRIX_SUBMISSION)));
    },
  },
  {
    name: "editSubmission(A's)",
    allowed: ["memberA", "ownerA"],
    write: true,
    // The same content again: a new revision, nothing to restore.
    run: async (a) => {
      const s = await currentSubmissionOfA();
      return editSubmission({
        actor: a,
        submissionId: s.id,
        version: s.version,
        content: contentOf(s),
        now: beforeDeadline,
      });
    },
  },
  {
    name: "withdrawSubmission(A's)",
    allowed: ["memberA", "ownerA"],
    write: true,
    run: async (a) => {
      const s = await currentSubmissionOfA();
      return withdrawSubmission({ actor: a, submissionId: s.id, version: s.version });
    },
    reset: async (_w, t) => {
      await t.db.update(submissions).set({ status: "submitted" }).where(eq(submissions.id, submissionOfA.id));
    },
  },
  {
    name: "submitOnBehalf(B in X, existing organisation)",
    allowed: ["anchorX", "secretariat"],
    write: true,
    run: (a, w) =>
      submitOnBehalf({
        actor: a,
        input: behalfSubmissionSchema.parse({
          ...submissionFields(w, MATRIX_ON_BEHALF),
          channel: "paper",
          organisation: { mode: "existing", id: w.orgB },
        }),
        now: beforeDeadline,
      }),
    reset: async (w, t) => {
      await t.db
        .delete(submissions)
        .where(and(eq(submissions.organisationId, w.orgB), eq(submissions.title, MATRIX_ON_BEHALF)));
    },
  },
  {
    name: "submitOnBehalf(new organisation in X)",
    allowed: ["anchorX", "secretariat"],
    write: true,
    run: (a, w) =>
      submitOnBehalf({
        actor: a,
        input: behalfSubmissionSchema.parse({
          ...submissionFields(w, MATRIX_ON_BEHALF),
          channel: "voice",
          organisation: {
            mode: "new",
            name: MATRIX_ON_BEHALF,
            country: "FJ",
            type: "grassroots",
            locale: "en",
            contactEmail: "",
          },
        }),
        now: beforeDeadline,
      }),
    reset: async (_w, t) => {
      await t.db.delete(organisations).where(eq(organisations.name, MATRIX_ON_BEHALF));
    },
  },
  {
    name: "searchOrganisationsForBehalf(X)",
    allowed: ["anchorX", "secretariat"],
    run: (a, w) => searchOrganisationsForBehalf({ actor: a, consultationId: w.consultationX, q: "Org" }),
  },
  {
    name: "getOrganisationForBehalf(X, B)",
    allowed: ["anchorX", "secretariat"],
    run: (a, w) => getOrganisationForBehalf({ actor: a, consultationId: w.consultationX, organisationId: w.orgB }),
  },
  {
    name: "getAttachmentForDownload(A's in X)",
    allowed: ["memberA", "ownerA", "anchorX", "secretariat"],
    run: (a) => getAttachmentForDownload({ actor: a, attachmentId: submissionOfA.attachmentId }),
  },
);

// Moderation of A's input in X (it has two revisions: see beforeAll). Writes are harmless (a keyword,
// a note) and read the current version, so rows before them cannot make them stale.
matrix.push(
  {
    name: "listQueue(X)",
    allowed: ["anchorX", "secretariat"],
    run: (a, w) => listQueue({ actor: a, consultationId: w.consultationX, filters: queueFiltersSchema.parse({}) }),
  },
  {
    name: "listQueue(all consultations)",
    allowed: ["secretariat"],
    run: (a) => listQueue({ actor: a, consultationId: null, filters: queueFiltersSchema.parse({}) }),
  },
  {
    name: "getOverview(X)",
    allowed: ["anchorX", "secretariat"],
    run: (a, w) => getOverview({ actor: a, consultationId: w.consultationX }),
  },
  {
    name: "getRegionsOverview (every region side by side)",
    allowed: ["secretariat"],
    run: (a) => getRegionsOverview({ actor: a }),
  },
  {
    name: "bulkModerate requestChanges(X)",
    allowed: ["anchorX", "secretariat"],
    write: true,
    run: async (a, w) => {
      // An input of A's of its own, so that the matrix's other rows keep theirs as they are.
      const [s] = await theTestDatabase.db.select().from(submissions).where(eq(submissions.id, bulkTargetOfA));
      const r = await bulkModerate({
        actor: a,
        input: bulkSchema.parse({
          consultationId: w.consultationX,
          action: "requestChanges",
          message: "Matrix message",
          selected: [`${s!.id}:${s!.version}`],
        }),
      });
      if (r.done !== 1) throw new Error(`bulkModerate skipped the row: ${JSON.stringify(r)}`);
      return r;
    },
    reset: async (_w, t) => {
      await t.db
        .update(submissions)
        .set({ status: "submitted", moderatorMessage: null })
        .where(eq(submissions.id, bulkTargetOfA));
    },
  },
  {
    name: "getSubmissionForModeration(A's in X)",
    allowed: ["anchorX", "secretariat"],
    run: (a) => getSubmissionForModeration({ actor: a, submissionId: submissionOfA.id }),
  },
  {
    name: "diffRevisions(A's in X, 1 → 2)",
    allowed: ["anchorX", "secretariat"],
    run: (a) => diffRevisions({ actor: a, submissionId: submissionOfA.id, from: 1, to: 2 }),
  },
  {
    name: "moderate tag(A's in X)",
    allowed: ["anchorX", "secretariat"],
    write: true,
    run: async (a) => {
      const s = await currentSubmissionOfA();
      return moderate({
        actor: a,
        input: moderationActionSchema.parse({
          action: "tag",
          submissionId: s.id,
          version: s.version,
          keywords: "matrix",
        }),
      });
    },
  },
  {
    name: "addInternalNote(A's in X)",
    allowed: ["anchorX", "secretariat"],
    write: true,
    run: (a) => addInternalNote({ actor: a, submissionId: submissionOfA.id, body: "Matrix note" }),
  },
  {
    name: "bulkModerate keyword(X)",
    allowed: ["anchorX", "secretariat"],
    write: true,
    run: async (a, w) => {
      const s = await currentSubmissionOfA();
      const r = await bulkModerate({
        actor: a,
        input: bulkSchema.parse({
          consultationId: w.consultationX,
          action: "keyword",
          keyword: "matrix",
          selected: [`${s.id}:${s.version}`],
        }),
      });
      // Allowed means applied, not quietly skipped.
      if (r.done !== 1) throw new Error(`bulkModerate skipped the row: ${JSON.stringify(r)}`);
      return r;
    },
  },
);

// Exports. They write an export_log row when allowed, but nothing the refusal check looks at:
// read rows. Streams are read to the end, so an allowed export really ran.
const drain = async (stream: ReadableStream<Uint8Array>) => (await new Response(stream).arrayBuffer()).byteLength;
matrix.push(
  {
    name: "exportSubmissions(X, csv)",
    allowed: ["anchorX", "secretariat"],
    run: async (a, w) =>
      drain(
        await exportSubmissions({
          actor: a,
          consultationId: w.consultationX,
          filters: queueFiltersSchema.parse({}),
          format: "csv",
        }),
      ),
  },
  {
    name: "exportSubmissions(all, xlsx)",
    allowed: ["secretariat"],
    run: async (a) =>
      drain(
        await exportSubmissions({
          actor: a,
          consultationId: null,
          filters: queueFiltersSchema.parse({}),
          format: "xlsx",
        }),
      ),
  },
  {
    name: "exportRows(X).next()",
    allowed: ["anchorX", "secretariat"],
    run: (a, w) =>
      exportRows({ actor: a, consultationId: w.consultationX, filters: queueFiltersSchema.parse({}) }).next(),
  },
  {
    name: "exportParticipants(X, csv)",
    allowed: ["anchorX", "secretariat"],
    run: async (a, w) => drain(await exportParticipants({ actor: a, consultationId: w.consultationX, format: "csv" })),
  },
  { name: "listExportLog", allowed: ["secretariat"], run: (a) => listExportLog({ actor: a }) },
  { name: "countExportLog", allowed: ["secretariat"], run: (a) => countExportLog({ actor: a }) },
  { name: "inputsByRegion", allowed: ["secretariat"], run: (a) => inputsByRegion({ actor: a }) },
);

// The organisation's own data: only an owner of that organisation. Deletion targets
// a disposable organisation shaped like A (ownerA owner, memberA member, registered in X), made again
// after each allowed run.
let disposable = { id: "", name: "" };
async function makeDisposable(w: World, t: TestDatabase) {
  const name = `Disposable ${randomUUID().slice(0, 8)}`;
  const [d] = await t.db
    .insert(organisations)
    .values({ name, country: "FJ", type: "ngo", contactEmail: "disposable@example.net", workingLanguages: ["en"] })
    .returning({ id: organisations.id });
  await t.db.insert(memberships).values([
    { organisationId: d!.id, userId: w.ids.ownerA, role: "owner" },
    { organisationId: d!.id, userId: w.ids.memberA, role: "member" },
  ]);
  await t.db
    .insert(registrations)
    .values({ consultationId: w.consultationX, organisationId: d!.id, consentAt: new Date() });
  disposable = { id: d!.id, name };
}
matrix.push(
  {
    name: "exportOrganisationData(A)",
    allowed: ["ownerA"],
    run: async (a, w) => drain(await exportOrganisationData({ actor: a, organisationId: w.orgA })),
  },
  {
    name: "deleteOrganisation(like A)",
    allowed: ["ownerA"],
    write: true,
    run: (a) => deleteOrganisation({ actor: a, organisationId: disposable.id, confirmName: disposable.name }),
    reset: makeDisposable,
  },
);

// The region's contribution (lib/synthesis): its anchors write it; the secretariat reads it once
// submitted and returns or finalises it; other regions' anchors and organisations see nothing. A
// contribution to X exists from the start (beforeAll); rows that need another state set it with an
// UPDATE (no trace counted) and put it back.
const contributionOfX = async () => {
  const [c] = await theTestDatabase.db
    .select()
    .from(contributions)
    .where(eq(contributions.consultationId, world.consultationX));
  return c!;
};
const setContributionStatus = (status: "draft" | "submitted") =>
  theTestDatabase.db.update(contributions).set({ status }).where(eq(contributions.consultationId, world.consultationX));
const sectionVersion = async () => {
  const [s] = await theTestDatabase.db
    .select({ v: contributionSections.version })
    .from(contributionSections)
    .where(eq(contributionSections.themeId, 1));
  return s?.v ?? 0;
};
const contributionStep = async (a: Actor, step: "submit" | "return" | "finalise", from: "draft" | "submitted") => {
  await setContributionStatus(from);
  const c = await contributionOfX();
  return changeContributionStatus({
    actor: a,
    input: contributionStepSchema.parse({
      consultationId: world.consultationX,
      version: c.version,
      step,
      comment: "Please say more.",
    }),
  });
};
matrix.push(
  {
    name: "getContribution(X, draft)",
    allowed: ["anchorX"],
    run: (a, w) => getContribution({ actor: a, consultationId: w.consultationX, locale: "en" }),
  },
  {
    name: "saveSection(X, theme 1)",
    allowed: ["anchorX"],
    write: true,
    run: async (a, w) =>
      saveSection({
        actor: a,
        input: sectionSchema.parse({
          consultationId: w.consultationX,
          themeId: 1,
          version: await sectionVersion(),
          items: [{ kind: "paragraph", text: `By ${a.name}`, citations: [] }],
        }),
      }),
  },
  {
    name: "listSectionRevisions(X, theme 1)",
    allowed: ["anchorX"],
    run: (a, w) => listSectionRevisions({ actor: a, consultationId: w.consultationX, themeId: 1 }),
  },
  {
    name: "changeContributionStatus(X, submit)",
    allowed: ["anchorX"],
    write: true,
    run: (a) => contributionStep(a, "submit", "draft"),
    reset: () => setContributionStatus("draft").then(() => undefined),
  },
  {
    name: "changeContributionStatus(X, return)",
    allowed: ["secretariat"],
    write: true,
    run: (a) => contributionStep(a, "return", "submitted"),
    reset: () => setContributionStatus("draft").then(() => undefined),
  },
  {
    name: "changeContributionStatus(X, finalise)",
    allowed: ["anchorX", "secretariat"],
    write: true,
    run: (a) => contributionStep(a, "finalise", "submitted"),
    reset: () => setContributionStatus("draft").then(() => undefined),
  },
  {
    name: "getCoverage(X)",
    allowed: ["anchorX", "secretariat"],
    run: (a, w) => getCoverage({ actor: a, consultationId: w.consultationX }),
  },
  {
    name: "markReadNotCited(A's input)",
    allowed: ["anchorX"],
    write: true,
    run: (a, w) =>
      markReadNotCited({
        actor: a,
        input: readNotCitedSchema.parse({
          consultationId: w.consultationX,
          submissionId: submissionOfA.id,
          note: "Read.",
        }),
      }),
  },
  {
    name: "similarInputs(A's input)",
    allowed: ["anchorX", "secretariat"],
    run: (a) => similarInputs({ actor: a, submissionId: submissionOfA.id }),
  },
  // Public: null until final, for anyone.
  {
    name: "getPublishedContribution(X)",
    allowed: actorNames,
    run: (_a, w) => getPublishedContribution({ consultationId: w.consultationX, locale: "en" }),
  },
);

// Rounds (issue 17): the secretariat's alone. The rows work on a round of their own ("matrix", made in
// beforeAll with a topic and a group) and read its current version, so each allowed call is fresh.
const matrixNames = { en: "Matrix", fr: "Matrix", es: "Matrix", ar: "Matrix" };
let matrixRound = { id: "", topic: 0, group: "" };
let importRound = "";
const roundVersion = async (id: string) =>
  (await theTestDatabase.db.select({ v: rounds.version }).from(rounds).where(eq(rounds.id, id)))[0]!.v;
const topicInput = async () => ({ roundId: matrixRound.id, version: await roundVersion(matrixRound.id) });
const freshMatrixTopic = async (_w: World, t: TestDatabase) => {
  const [m] = await t.db.select({ m: sql<number>`max(${themes.id})` }).from(themes);
  const id = (m?.m ?? 0) + 1;
  await t.db.insert(themes).values({ id, roundId: matrixRound.id, slug: `matrix-${id}`, position: id });
  matrixRound.topic = id;
};
matrix.push(
  // Public reads (no actor: what anyone may see, rounds in preparation left out).
  { name: "listPublicRounds", allowed: actorNames, run: () => listPublicRounds({ locale: "en" }) },
  { name: "currentRound", allowed: actorNames, run: () => currentRound({ locale: "en" }) },
  { name: "getPublicRound(2017)", allowed: actorNames, run: () => getPublicRound({ slug: "2017", locale: "en" }) },
  {
    name: "roundOfConsultation(X)",
    allowed: actorNames,
    run: (_a, w) => roundOfConsultation({ consultationId: w.consultationX }),
  },
  { name: "roundForView(as the actor)", allowed: actorNames, run: (a) => roundForView({ locale: "en", actor: a }) },
  { name: "listRounds", allowed: ["secretariat"], run: (a) => listRounds({ actor: a, locale: "en" }) },
  { name: "getRound(2017)", allowed: ["secretariat"], run: (a) => getRound({ actor: a, slug: "2017" }) },
  {
    name: "createRound(copy of 2017)",
    allowed: ["secretariat"],
    write: true,
    run: async (a) => {
      const [r2017] = await theTestDatabase.db.select({ id: rounds.id }).from(rounds).where(eq(rounds.slug, "2017"));
      return createRound({
        actor: a,
        input: {
          slug: "matrix-new",
          names: matrixNames,
          startsOn: "2025-01-01",
          endsOn: "2025-02-01",
          copyFrom: r2017!.id,
          copyAnchors: true,
          copyTopics: true,
        },
      });
    },
    reset: async (_w, t) => {
      const [r] = await t.db.select({ id: rounds.id }).from(rounds).where(eq(rounds.slug, "matrix-new"));
      await t.db.delete(consultations).where(eq(consultations.roundId, r!.id));
      await t.db.delete(themes).where(eq(themes.roundId, r!.id));
      await t.db.delete(rounds).where(eq(rounds.id, r!.id));
    },
  },
  {
    name: "updateRound(matrix)",
    allowed: ["secretariat"],
    write: true,
    run: async (a) =>
      updateRound({
        actor: a,
        input: {
          roundId: matrixRound.id,
          version: await roundVersion(matrixRound.id),
          names: matrixNames,
          startsOn: "2030-01-01",
          endsOn: "2030-02-01",
          status: "preparing",
        },
      }),
  },
  {
    name: "addConsultation(matrix)",
    allowed: ["secretariat"],
    write: true,
    run: async (a) =>
      addConsultation({
        actor: a,
        input: {
          ...(await topicInput()),
          slug: "matrix-consultation",
          code: "MATRIX-C",
          region: "Matrix",
          city: "Suva",
          country: "FJ",
          startsOn: "2030-01-01",
          endsOn: "2030-01-02",
          timeZone: "Pacific/Fiji",
          anchors: "",
          inPersonCapacity: null,
          registrationDeadline: undefined,
          submissionDeadline: undefined,
        },
      }),
    reset: async (_w, t) => {
      await t.db.delete(consultations).where(eq(consultations.slug, "matrix-consultation"));
    },
  },
  {
    name: "updateConsultationDetails(X)",
    allowed: ["secretariat"],
    write: true,
    // X as it is (asia, Bangkok): a new version and an audit row, nothing else changed.
    run: async (a, w) => {
      const [c] = await theTestDatabase.db.select().from(consultations).where(eq(consultations.id, w.consultationX));
      return updateConsultationDetails({
        actor: a,
        input: {
          consultationId: c!.id,
          version: c!.version,
          region: c!.region,
          city: c!.city,
          country: c!.country as "TH",
          timeZone: c!.timeZone,
          anchors: c!.anchors,
        },
      });
    },
  },
  {
    name: "addTopic(matrix)",
    allowed: ["secretariat"],
    write: true,
    run: async (a) => addTopic({ actor: a, input: { ...(await topicInput()), names: matrixNames, groupId: null } }),
  },
  {
    name: "renameTopic(matrix)",
    allowed: ["secretariat"],
    write: true,
    run: async (a) =>
      renameTopic({ actor: a, input: { ...(await topicInput()), topicId: matrixRound.topic, names: matrixNames } }),
  },
  {
    name: "moveTopic(matrix)",
    allowed: ["secretariat"],
    write: true,
    run: async (a) =>
      moveTopic({ actor: a, input: { ...(await topicInput()), topicId: matrixRound.topic, direction: "up" } }),
  },
  {
    name: "groupTopic(matrix)",
    allowed: ["secretariat"],
    write: true,
    run: async (a) =>
      groupTopic({
        actor: a,
        input: { ...(await topicInput()), topicId: matrixRound.topic, groupId: matrixRound.group },
      }),
  },
  {
    name: "addTopicGroup(matrix)",
    allowed: ["secretariat"],
    write: true,
    run: async (a) => addTopicGroup({ actor: a, input: { ...(await topicInput()), names: matrixNames } }),
  },
  {
    name: "deleteTopic(matrix)",
    allowed: ["secretariat"],
    write: true,
    run: async (a) => deleteTopic({ actor: a, input: { ...(await topicInput()), topicId: matrixRound.topic } }),
    reset: freshMatrixTopic,
  },
  {
    name: "importTopics(empty round)",
    allowed: ["secretariat"],
    write: true,
    run: async (a) =>
      importTopics({
        actor: a,
        roundId: importRound,
        version: await roundVersion(importRound),
        groups: [{ key: "g", names: matrixNames }],
        topics: [{ slug: "objective-1", group: "g", names: matrixNames }],
      }),
    reset: async (_w, t) => {
      await t.db.delete(themes).where(eq(themes.roundId, importRound));
      await t.db.delete(themeGroups).where(eq(themeGroups.roundId, importRound));
    },
  },
  {
    name: "importGcmObjectives(empty round)",
    allowed: ["secretariat"],
    write: true,
    run: async (a) => importGcmObjectives({ actor: a, roundId: importRound, version: await roundVersion(importRound) }),
    reset: async (_w, t) => {
      await t.db.delete(themes).where(eq(themes.roundId, importRound));
      await t.db.delete(themeGroups).where(eq(themeGroups.roundId, importRound));
    },
  },
);

let currentToken = "";
let world: World;
let consultationVersion: () => Promise<number>;

describe.each(drivers)("permission matrix on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
    theTestDatabase = t;
    useDatabaseForTests(t);
    world = await buildWorld(t.db);
    const submitted = await submitSubmission({
      actor: await world.actor("ownerA"),
      input: submissionSchema.parse({ ...submissionFields(world, "A's input"), intent: "submit" }),
      files: [{ name: "a.pdf", bytes: minimalPdf() }],
      now: beforeDeadline,
    });
    const [attachment] = await t.db
      .select({ id: attachments.id })
      .from(attachments)
      .where(eq(attachments.submissionId, submitted.id));
    submissionOfA = { id: submitted.id, attachmentId: attachment!.id };
    bulkTargetOfA = (
      await submitSubmission({
        actor: await world.actor("ownerA"),
        input: submissionSchema.parse({ ...submissionFields(world, "A's input for bulk"), intent: "submit" }),
        now: beforeDeadline,
      })
    ).id;
    // A second revision, for diffRevisions.
    const first = await currentSubmissionOfA();
    await editSubmission({
      actor: await world.actor("ownerA"),
      submissionId: first.id,
      version: first.version,
      content: { ...contentOf(first), summary: "Summary, revised" },
      now: beforeDeadline,
    });
    await makeDisposable(world, t);
    // The contribution to X, begun by its anchor (lib/synthesis rows).
    await saveSection({
      actor: await world.actor("anchorX"),
      input: sectionSchema.parse({ consultationId: world.consultationX, themeId: 1, version: 0, items: [] }),
    });
    const secretariat = await world.actor("secretariat");
    const made = await createRound({
      actor: secretariat,
      input: {
        slug: "matrix",
        names: matrixNames,
        startsOn: "2030-01-01",
        endsOn: "2030-02-01",
        copyFrom: undefined,
        copyAnchors: false,
        copyTopics: false,
      },
    });
    const group = await addTopicGroup({
      actor: secretariat,
      input: { roundId: made.id, version: await roundVersion(made.id), names: matrixNames },
    });
    matrixRound = { id: made.id, topic: 0, group: group.id };
    await freshMatrixTopic(world, t);
    importRound = (
      await createRound({
        actor: secretariat,
        input: {
          slug: "matrix-import",
          names: matrixNames,
          startsOn: "2030-01-01",
          endsOn: "2030-02-01",
          copyFrom: undefined,
          copyAnchors: false,
          copyTopics: false,
        },
      })
    ).id;
    consultationVersion = async () =>
      (await listConsultationsForSecretariat({ actor: await world.actor("secretariat") })).find(
        (c) => c.id === world.consultationX,
      )!.version;
  });
  afterAll(async () => {
    await t?.close();
  });

  const traces = async () => {
    const [a] = await t.db.select({ n: count() }).from(auditEvents);
    const [o] = await t.db.select({ n: count() }).from(emailOutbox);
    const [i] = await t.db.select({ n: count() }).from(invitations);
    const [s] = await t.db.select({ n: count() }).from(submissions);
    const [g] = await t.db.select({ n: count() }).from(organisations);
    // Rounds' rows: a refused round, consultation or topic change leaves them (and their versions) as they were.
    const [r] = await t.db
      .select({ n: count(), v: sql<number>`coalesce(sum(${rounds.version}), 0)::int` })
      .from(rounds);
    const [c] = await t.db.select({ n: count() }).from(consultations);
    const [th] = await t.db
      .select({ n: count(), p: sql<number>`coalesce(sum(${themes.position}), 0)::int` })
      .from(themes);
    // The contribution's rows: a refused save or note leaves no revision and no note.
    const [cr] = await t.db.select({ n: count() }).from(contributionRevisions);
    const [cn] = await t.db.select({ n: count() }).from(coverageNotes);
    return {
      audit: a?.n,
      outbox: o?.n,
      invitations: i?.n,
      submissions: s?.n,
      organisations: g?.n,
      rounds: r?.n,
      roundVersions: r?.v,
      consultations: c?.n,
      topics: th?.n,
      topicPositions: th?.p,
      contributionRevisions: cr?.n,
      coverageNotes: cn?.n,
    };
  };

  for (const row of matrix) {
    for (const name of actorNames) {
      const allowed = row.allowed.includes(name);
      it(`${row.name} by ${name}: ${allowed ? "allowed" : "refused"}`, async () => {
        if (row.name.startsWith("acceptInvitation")) currentToken = await freshInvitation(t, world);
        const actor = await world.actor(name);
        const before = await traces();
        if (allowed) {
          await expect(row.run(actor, world)).resolves.not.toThrow();
          await row.reset?.(world, t);
        } else {
          const err = await row.run(actor, world).then(
            () => null,
            (e: unknown) => e,
          );
          expect(err, "should have been refused").toBeInstanceOf(DomainError);
          expect([403, 404]).toContain((err as DomainError).status);
          if (row.write) expect(await traces()).toEqual(before);
        }
      });
    }
  }

  it("refuses every server action without a session, before it reaches lib/", async () => {
    const files = findActionFiles("app");
    expect(files.length).toBeGreaterThan(3);
    const publicActions = new Set(["requestSignInAction"]);
    const anonymous: ActionDeps = {
      getActor: async () => null,
      getLocale: async () => "en",
      getTranslations: async () => (key: string) => key,
    };
    (globalThis as Record<symbol, unknown>)[ACTION_DEPS] = anonymous;
    try {
      let checked = 0;
      for (const file of files) {
        const mod = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
        for (const [exportName, fn] of Object.entries(mod)) {
          if (typeof fn !== "function" || publicActions.has(exportName)) continue;
          const before = await traces();
          const fd = new FormData();
          // Ids of things that exist, as an attacker would send them.
          fd.set("organisationId", world.orgA);
          fd.set("consultationId", world.consultationX);
          fd.set("userId", world.ids.memberA);
          const outcome = await (fn.length >= 2 ? fn({ status: "idle" }, fd) : fn(fd)).then(
            (r: unknown) => r,
            (e: unknown) => e,
          );
          const refusedByState = (outcome as { message?: string })?.message === "signInRequired";
          const redirectedToSignInOrHome = String((outcome as { digest?: string })?.digest ?? "").match(
            /NEXT_REDIRECT;[^;]*;\/en(\/sign-in)?;/,
          );
          expect(refusedByState || !!redirectedToSignInOrHome, `${file} ${exportName}`).toBe(true);
          expect(await traces(), `${file} ${exportName} wrote something`).toEqual(before);
          checked++;
        }
      }
      expect(checked).toBeGreaterThanOrEqual(10);
    } finally {
      delete (globalThis as Record<symbol, unknown>)[ACTION_DEPS];
    }
  });
});

async function freshInvitation(t: TestDatabase, w: World): Promise<string> {
  // createInvitation e-mails the token; read it back from the outbox, as the invitee would.
  const owner = await w.actor("memberB");
  await t.db.transaction((tx) =>
    createInvitation(tx, {
      kind: "organisation",
      email: owner.email,
      organisationId: w.orgA,
      locale: "en",
      invitedBy: w.ids.ownerA,
      values: { organisation: "A", inviter: "ownerA" },
    }),
  );
  const all = await t.db.select().from(emailOutbox).where(eq(emailOutbox.to, owner.email)).orderBy(emailOutbox.id);
  const last = all.at(-1);
  const m = /\/invitations\/([A-Za-z0-9_-]+)/.exec(last?.text ?? "");
  if (!m?.[1]) throw new Error("no invitation link in the outbox");
  return m[1];
}

function findActionFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...findActionFiles(p));
    else if (e.name === "actions.ts") out.push(p);
  }
  return out;
}
