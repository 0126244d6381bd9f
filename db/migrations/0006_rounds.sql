CREATE TYPE "public"."round_status" AS ENUM('preparing', 'open', 'closed', 'archived');--> statement-breakpoint
CREATE TABLE "round_translations" (
	"round_id" uuid NOT NULL,
	"locale" "locale" NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "round_translations_round_id_locale_pk" PRIMARY KEY("round_id","locale")
);
--> statement-breakpoint
CREATE TABLE "rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" "round_status" DEFAULT 'preparing' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rounds_slug_unique" UNIQUE("slug"),
	CONSTRAINT "rounds_dates_ordered" CHECK ("rounds"."ends_on" >= "rounds"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "theme_group_translations" (
	"group_id" uuid NOT NULL,
	"locale" "locale" NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "theme_group_translations_group_id_locale_pk" PRIMARY KEY("group_id","locale")
);
--> statement-breakpoint
CREATE TABLE "theme_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "themes" DROP CONSTRAINT "themes_slug_unique";--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "round_id" uuid;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "round_id" uuid;--> statement-breakpoint
ALTER TABLE "themes" ADD COLUMN "round_id" uuid;--> statement-breakpoint
ALTER TABLE "themes" ADD COLUMN "position" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "themes" ADD COLUMN "group_id" uuid;--> statement-breakpoint
-- Hand-written: today's data becomes the 2017 round (open, as the portal serves it today), its
-- period the span of its consultations. Every consultation and theme joins it; theme ids stay.
INSERT INTO "rounds" ("slug", "starts_on", "ends_on", "status")
SELECT '2017', coalesce(min("starts_on"), '2017-08-04'), coalesce(max("ends_on"), '2017-11-03'), 'open' FROM "consultations"
ON CONFLICT ("slug") DO NOTHING;--> statement-breakpoint
INSERT INTO "round_translations" ("round_id", "locale", "name")
SELECT r."id", v."locale"::"locale", v."name" FROM "rounds" r, (VALUES
	('en', 'Regional consultations 2017'),
	('fr', 'Consultations régionales 2017'),
	('es', 'Consultas regionales 2017'),
	('ar', 'المشاورات الإقليمية 2017')
) AS v("locale", "name") WHERE r."slug" = '2017'
ON CONFLICT DO NOTHING;--> statement-breakpoint
UPDATE "consultations" SET "round_id" = (SELECT "id" FROM "rounds" WHERE "slug" = '2017') WHERE "round_id" IS NULL;--> statement-breakpoint
UPDATE "themes" SET "round_id" = (SELECT "id" FROM "rounds" WHERE "slug" = '2017'), "position" = "id" WHERE "round_id" IS NULL;--> statement-breakpoint
ALTER TABLE "consultations" ALTER COLUMN "round_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "themes" ALTER COLUMN "round_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "round_translations" ADD CONSTRAINT "round_translations_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_group_translations" ADD CONSTRAINT "theme_group_translations_group_id_theme_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."theme_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_groups" ADD CONSTRAINT "theme_groups_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "theme_groups_round_id_index" ON "theme_groups" USING btree ("round_id");--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_group_id_theme_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."theme_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultations_round_id_index" ON "consultations" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "themes_round_id_position_index" ON "themes" USING btree ("round_id","position");--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_round_slug" UNIQUE("round_id","slug");