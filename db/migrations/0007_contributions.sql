CREATE TYPE "public"."contribution_status" AS ENUM('draft', 'submitted', 'returned', 'final');--> statement-breakpoint
CREATE TABLE "contribution_citations" (
	"contribution_id" uuid NOT NULL,
	"theme_id" smallint NOT NULL,
	"position" smallint NOT NULL,
	"submission_id" uuid NOT NULL,
	CONSTRAINT "contribution_citations_contribution_id_theme_id_position_submission_id_pk" PRIMARY KEY("contribution_id","theme_id","position","submission_id")
);
--> statement-breakpoint
CREATE TABLE "contribution_revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"contribution_id" uuid NOT NULL,
	"theme_id" smallint NOT NULL,
	"number" integer NOT NULL,
	"items" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contribution_revisions_contributionId_themeId_number_unique" UNIQUE("contribution_id","theme_id","number")
);
--> statement-breakpoint
CREATE TABLE "contribution_sections" (
	"contribution_id" uuid NOT NULL,
	"theme_id" smallint NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contribution_sections_contribution_id_theme_id_pk" PRIMARY KEY("contribution_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"status" "contribution_status" DEFAULT 'draft' NOT NULL,
	"language" "locale" DEFAULT 'en' NOT NULL,
	"return_comment" text,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"finalised_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contributions_consultationId_unique" UNIQUE("consultation_id")
);
--> statement-breakpoint
CREATE TABLE "coverage_notes" (
	"consultation_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coverage_notes_consultation_id_submission_id_pk" PRIMARY KEY("consultation_id","submission_id")
);
--> statement-breakpoint
ALTER TABLE "contribution_citations" ADD CONSTRAINT "contribution_citations_contribution_id_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_citations" ADD CONSTRAINT "contribution_citations_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_revisions" ADD CONSTRAINT "contribution_revisions_contribution_id_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_revisions" ADD CONSTRAINT "contribution_revisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_sections" ADD CONSTRAINT "contribution_sections_contribution_id_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_sections" ADD CONSTRAINT "contribution_sections_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_sections" ADD CONSTRAINT "contribution_sections_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_notes" ADD CONSTRAINT "coverage_notes_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_notes" ADD CONSTRAINT "coverage_notes_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_notes" ADD CONSTRAINT "coverage_notes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contribution_citations_submission_id_index" ON "contribution_citations" USING btree ("submission_id");
--> statement-breakpoint
-- Similar inputs (lib/synthesis/coverage.ts): the nearest titles by trigram distance within one
-- consultation, from a GiST index on (consultation, title) (btree_gist for the first column; a
-- larger signature than the default, as titles share much of their wording). Both extensions are
-- trusted (PostgreSQL 13+); PGlite loads them (db/open.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
CREATE INDEX "submissions_similar_idx" ON "submissions" USING gist ("consultation_id", "title" gist_trgm_ops(siglen=128));
