// Reference data exactly as in the source document (db/source/regional-consultations-2017.txt);
// db/seed.test.ts checks the two still agree.
// Deadlines and capacity are not in the source: they start unset and the secretariat sets them.
import type { Locale } from "./schema";

export interface SeedConsultation {
  slug: string;
  code: string;
  region: string;
  city: string;
  country: string;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  anchors: string;
}

// The round the seven consultations and six themes belong to (migration 0006 makes the same row
// from a database of before rounds).
export const seedRound = {
  slug: "2017",
  startsOn: "2017-08-04",
  endsOn: "2017-11-03",
  status: "open" as const,
  names: {
    en: "Regional consultations 2017",
    fr: "Consultations régionales 2017",
    es: "Consultas regionales 2017",
    ar: "المشاورات الإقليمية 2017",
  } satisfies Record<Locale, string>,
};

export const seedConsultations: readonly SeedConsultation[] = [
  {
    slug: "asia",
    code: "ASIA",
    region: "Asia",
    city: "Bangkok",
    country: "TH",
    startsOn: "2017-08-04",
    endsOn: "2017-08-05",
    timeZone: "Asia/Bangkok",
    anchors: "Migrant Forum in Asia (MFA)",
  },
  {
    slug: "mena",
    code: "MENA",
    region: "Middle East and North Africa",
    city: "Beirut",
    country: "LB",
    startsOn: "2017-08-24",
    endsOn: "2017-08-25",
    timeZone: "Asia/Beirut",
    anchors: "Cross-Regional Center for Refugees and Migrants (CCRM)",
  },
  {
    slug: "africa",
    code: "AFR",
    region: "Africa",
    city: "Bamako",
    country: "ML",
    startsOn: "2017-08-28",
    endsOn: "2017-08-29",
    timeZone: "Africa/Bamako",
    anchors: "PANiDMR and MADE-Afrique",
  },
  {
    slug: "north-america",
    code: "NAM",
    region: "North America",
    city: "Washington DC",
    country: "US",
    startsOn: "2017-09-25",
    endsOn: "2017-09-26",
    timeZone: "America/New_York",
    anchors: "NNIRR with a US-based working group",
  },
  {
    slug: "europe",
    code: "EUR",
    region: "Europe",
    city: "Brussels",
    country: "BE",
    startsOn: "2017-10-02",
    endsOn: "2017-10-03",
    timeZone: "Europe/Brussels",
    anchors: "MADE and PICUM",
  },
  {
    slug: "latin-america-caribbean",
    code: "LAC",
    region: "Latin America & the Caribbean",
    city: "Quito",
    country: "EC",
    startsOn: "2017-10-05",
    endsOn: "2017-10-06",
    timeZone: "America/Guayaquil",
    anchors: "Latin America Block; technical focal point Asylum Access Ecuador",
  },
  {
    slug: "pacific",
    code: "PAC",
    region: "Pacific",
    city: "Nadi",
    country: "FJ",
    startsOn: "2017-11-02",
    endsOn: "2017-11-03",
    timeZone: "Pacific/Fiji",
    anchors: "PIANGO, CCF; partners SAPMiC (Sydney Univ.), DTP (UNSW), MFA",
  },
];

// The six informal thematic sessions of A/RES/71/280, in the four UI languages.
export const seedThemes: readonly { id: number; slug: string; names: Record<Locale, string> }[] = [
  {
    id: 1,
    slug: "human-rights",
    names: {
      en: "Human rights of all migrants, social inclusion, cohesion, and all forms of discrimination, including racism, xenophobia and intolerance",
      fr: "Droits de l'homme de tous les migrants, inclusion sociale, cohésion et toutes les formes de discrimination, y compris le racisme, la xénophobie et l'intolérance",
      es: "Derechos humanos de todos los migrantes, inclusión social, cohesión y todas las formas de discriminación, incluidos el racismo, la xenofobia y la intolerancia",
      ar: "حقوق الإنسان لجميع المهاجرين، والإدماج الاجتماعي، والتماسك، وجميع أشكال التمييز، بما في ذلك العنصرية وكره الأجانب والتعصب",
    },
  },
  {
    id: 2,
    slug: "drivers",
    names: {
      en: "Addressing drivers of migration, including adverse effects of climate change, natural disasters and human-made crises, through protection and assistance, sustainable development, poverty eradication, conflict prevention and resolution",
      fr: "Lutte contre les facteurs de migration, notamment les effets néfastes des changements climatiques, des catastrophes naturelles et des crises d'origine humaine, par la protection et l'assistance, le développement durable, l'élimination de la pauvreté, la prévention et le règlement des conflits",
      es: "Factores que impulsan la migración, incluidos los efectos adversos del cambio climático, los desastres naturales y las crisis provocadas por el ser humano, mediante la protección y la asistencia, el desarrollo sostenible, la erradicación de la pobreza y la prevención y solución de conflictos",
      ar: "معالجة دوافع الهجرة، بما في ذلك الآثار السلبية لتغير المناخ والكوارث الطبيعية والأزمات التي هي من صنع الإنسان، من خلال الحماية والمساعدة والتنمية المستدامة والقضاء على الفقر ومنع نشوب النزاعات وحلها",
    },
  },
  {
    id: 3,
    slug: "cooperation-governance",
    names: {
      en: "International cooperation and governance of migration in all its dimensions, including at borders, on transit, entry, return, readmission, integration and reintegration",
      fr: "Coopération internationale et gouvernance des migrations sous tous leurs aspects, y compris aux frontières, en transit, à l'entrée, lors du retour, de la réadmission, de l'intégration et de la réintégration",
      es: "Cooperación internacional y gobernanza de la migración en todas sus dimensiones, incluso en las fronteras, en tránsito, y en la entrada, el retorno, la readmisión, la integración y la reintegración",
      ar: "التعاون الدولي وإدارة الهجرة بجميع أبعادها، بما في ذلك على الحدود وأثناء العبور والدخول والعودة وإعادة القبول والاندماج وإعادة الإدماج",
    },
  },
  {
    id: 4,
    slug: "contributions",
    names: {
      en: "Contributions of migrants and diasporas to all dimensions of sustainable development, including remittances and portability of earned benefits",
      fr: "Contribution des migrants et des diasporas à toutes les dimensions du développement durable, y compris les envois de fonds et la transférabilité des prestations acquises",
      es: "Contribuciones de los migrantes y las diásporas a todas las dimensiones del desarrollo sostenible, incluidas las remesas y la portabilidad de las prestaciones adquiridas",
      ar: "مساهمات المهاجرين والمغتربين في جميع أبعاد التنمية المستدامة، بما في ذلك التحويلات المالية وإمكانية نقل الاستحقاقات المكتسبة",
    },
  },
  {
    id: 5,
    slug: "smuggling-trafficking",
    names: {
      en: "Smuggling of migrants, trafficking in persons and contemporary forms of slavery, including appropriate identification, protection and assistance",
      fr: "Trafic illicite de migrants, traite des personnes et formes contemporaines d'esclavage, y compris l'identification, la protection et l'assistance appropriées",
      es: "Tráfico ilícito de migrantes, trata de personas y formas contemporáneas de esclavitud, incluidas la identificación, la protección y la asistencia adecuadas",
      ar: "تهريب المهاجرين والاتجار بالأشخاص وأشكال الرق المعاصرة، بما في ذلك تحديد الهوية والحماية والمساعدة على النحو المناسب",
    },
  },
  {
    id: 6,
    slug: "irregular-regular-pathways",
    names: {
      en: "Irregular migration and regular pathways, including decent work, labour mobility, recognition of skills and qualifications and other relevant measures",
      fr: "Migration irrégulière et voies de migration régulières, y compris le travail décent, la mobilité de la main-d'œuvre, la reconnaissance des compétences et des qualifications et d'autres mesures pertinentes",
      es: "Migración irregular y vías de migración regular, incluidos el trabajo decente, la movilidad laboral, el reconocimiento de aptitudes y cualificaciones y otras medidas pertinentes",
      ar: "الهجرة غير النظامية والمسارات النظامية، بما في ذلك العمل اللائق وتنقل اليد العاملة والاعتراف بالمهارات والمؤهلات وغير ذلك من التدابير ذات الصلة",
    },
  },
];

// Local demo mode only: who can sign in (through the local outbox) to try each role.
export const demoOrganisation = {
  name: "Demo Migrant Network",
  acronym: "DMN",
  country: "FJ",
  city: "Suva",
  website: "https://example.org",
  type: "migrant_led" as const,
  workingLanguages: ["en", "fr"],
  contactEmail: "owner@example.org",
};
export const demoOwnerEmail = "owner@example.org";
export const demoSecretariatEmail = "secretariat@example.org";
export const demoAnchorEmail = (slug: string) => `anchor.${slug}@example.org`;
