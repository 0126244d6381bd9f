// Small per-language phrase lists for the queue benchmark's synthetic inputs (bench/queue.ts).
// Sentences are built as [opener] subject verb object tail: grammatical enough to look like real
// submissions and to give the full-text index a realistic vocabulary per language.

export const benchLanguages = ["en", "fr", "es", "ar", "pt"] as const;
export type BenchLanguage = (typeof benchLanguages)[number];

export interface Corpus {
  subjects: string[];
  verbs: string[];
  objects: string[];
  tails: string[];
  /** Used in ~3% of sentences instead of a tail: gives searches for selective words. */
  rareTails: string[];
  openers: string[];
  titles: ((obj: string, tail: string, subj: string) => string)[];
  recommendation: (obj: string, tail: string) => string;
  /** Whether the script has letter case (openers lower-case the subject). */
  cased: boolean;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const low = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export const corpora: Record<BenchLanguage, Corpus> = {
  en: {
    subjects: [
      "Migrant workers", "Women migrants", "Returning migrants", "Local authorities", "Civil society organisations",
      "Diaspora communities", "Recruitment agencies", "Border officials", "Families left behind", "Young people on the move",
      "Domestic workers", "Seasonal workers", "Refugee-led groups", "Trade unions", "Municipal governments", "Employers in the region",
    ],
    verbs: [
      "face obstacles to", "need", "struggle to access", "call for", "depend on", "are excluded from", "contribute to",
      "report barriers to", "should have fair access to", "rarely benefit from", "must be consulted on", "have limited information about",
    ],
    objects: [
      "decent work", "social protection", "health services", "legal identity documents", "safe and regular pathways",
      "ethical recruitment", "consular assistance", "portable pensions", "remittances", "skills recognition",
      "family reunification", "language classes", "adequate housing", "labour inspection", "climate adaptation programmes",
      "emergency shelters", "birth registration", "visa procedures", "grievance mechanisms", "accurate data",
      "education for their children", "alternatives to detention", "anti-trafficking support", "mental health care",
    ],
    tails: [
      "in countries of destination", "along the main migration routes", "during the pandemic", "after return", "in rural areas",
      "without discrimination", "at every stage of the journey", "in line with the Global Compact", "across the region",
      "despite recent reforms", "in border areas", "in coastal cities",
    ],
    rareTails: [
      "after the cyclone", "in garment factories", "for small-scale fishermen", "to address statelessness",
      "through mobile money", "under the kafala system",
    ],
    openers: ["Moreover,", "In practice,", "As a result,", "In our experience,", "However,", "In many cases,"],
    titles: [
      (o, t) => `${cap(o)} ${t}`,
      (o, _t, s) => `Ensuring ${o} for ${low(s)}`,
      (o) => `Recommendations on ${o}`,
      (o, t, s) => `${s} and ${o} ${t}`,
    ],
    recommendation: (o, t) => `Governments should guarantee ${o} ${t}.`,
    cased: true,
  },
  fr: {
    subjects: [
      "Les travailleurs migrants", "Les femmes migrantes", "Les migrants de retour", "Les autorités locales",
      "Les organisations de la société civile", "Les communautés de la diaspora", "Les agences de recrutement",
      "Les familles restées au pays", "Les jeunes en mobilité", "Les travailleuses domestiques", "Les travailleurs saisonniers",
      "Les syndicats", "Les municipalités", "Les employeurs de la région",
    ],
    verbs: [
      "demandent", "réclament", "n'obtiennent pas", "attendent", "soutiennent", "défendent", "ont rarement", "méritent",
      "peinent à obtenir", "souhaitent renforcer", "doivent garantir", "financent",
    ],
    objects: [
      "un travail décent", "la protection sociale", "les services de santé", "des documents d'identité",
      "des voies de migration sûres et régulières", "le recrutement équitable", "l'assistance consulaire",
      "la portabilité des pensions", "les transferts de fonds", "la reconnaissance des compétences", "le regroupement familial",
      "des cours de langue", "un logement digne", "l'inspection du travail", "des programmes d'adaptation au climat",
      "des abris d'urgence", "l'enregistrement des naissances", "des procédures de visa simplifiées", "des mécanismes de plainte",
      "des données fiables", "l'éducation des enfants", "des alternatives à la détention", "la lutte contre la traite",
      "des soins de santé mentale",
    ],
    tails: [
      "dans les pays de destination", "le long des routes migratoires", "pendant la pandémie", "après le retour",
      "dans les zones rurales", "sans discrimination", "à chaque étape du parcours", "conformément au Pacte mondial",
      "dans toute la région", "malgré les réformes récentes", "dans les zones frontalières", "dans les villes côtières",
    ],
    rareTails: [
      "après le cyclone", "dans les usines textiles", "pour les pêcheurs artisanaux", "face à l'apatridie",
      "grâce à l'argent mobile", "sous le système de la kafala",
    ],
    openers: ["De plus,", "En pratique,", "Par conséquent,", "Selon notre expérience,", "Cependant,", "Dans de nombreux cas,"],
    titles: [
      (o, t) => `${cap(o)} ${t}`,
      (o, t) => `Garantir ${o} ${t}`,
      (o) => `Recommandations sur ${o}`,
      (o, t, s) => `${s} et ${o} ${t}`,
    ],
    recommendation: (o, t) => `Les États devraient garantir ${o} ${t}.`,
    cased: true,
  },
  es: {
    subjects: [
      "Los trabajadores migrantes", "Las mujeres migrantes", "Los migrantes retornados", "Las autoridades locales",
      "Las organizaciones de la sociedad civil", "Las comunidades de la diáspora", "Las agencias de contratación",
      "Las familias que se quedan", "Los jóvenes en movilidad", "Las trabajadoras del hogar", "Los trabajadores temporeros",
      "Los sindicatos", "Los municipios", "Los empleadores de la región",
    ],
    verbs: [
      "exigen", "reclaman", "no obtienen", "necesitan", "apoyan", "defienden", "rara vez reciben", "merecen", "piden",
      "deben garantizar", "buscan fortalecer", "financian",
    ],
    objects: [
      "un trabajo decente", "la protección social", "los servicios de salud", "documentos de identidad",
      "vías de migración seguras y regulares", "la contratación ética", "la asistencia consular", "pensiones portables",
      "las remesas", "el reconocimiento de competencias", "la reunificación familiar", "clases de idioma", "una vivienda digna",
      "la inspección laboral", "programas de adaptación climática", "albergues de emergencia", "el registro de nacimientos",
      "trámites de visado sencillos", "mecanismos de queja", "datos fiables", "educación para sus hijos",
      "alternativas a la detención", "apoyo contra la trata", "atención de salud mental",
    ],
    tails: [
      "en los países de destino", "a lo largo de las rutas migratorias", "durante la pandemia", "después del retorno",
      "en las zonas rurales", "sin discriminación", "en cada etapa del trayecto", "de acuerdo con el Pacto Mundial",
      "en toda la región", "a pesar de las reformas recientes", "en las zonas fronterizas", "en las ciudades costeras",
    ],
    rareTails: [
      "después del ciclón", "en las fábricas textiles", "para los pescadores artesanales", "frente a la apatridia",
      "mediante el dinero móvil", "bajo el sistema de patrocinio",
    ],
    openers: ["Además,", "En la práctica,", "Por lo tanto,", "Según nuestra experiencia,", "Sin embargo,", "En muchos casos,"],
    titles: [
      (o, t) => `${cap(o)} ${t}`,
      (o, t) => `Garantizar ${o} ${t}`,
      (o) => `Recomendaciones sobre ${o}`,
      (o, t, s) => `${s} y ${o} ${t}`,
    ],
    recommendation: (o, t) => `Los Estados deberían garantizar ${o} ${t}.`,
    cased: true,
  },
  ar: {
    subjects: [
      "العمال المهاجرون", "النساء المهاجرات", "المهاجرون العائدون", "السلطات المحلية", "منظمات المجتمع المدني",
      "مجتمعات الشتات", "وكالات التوظيف", "الأسر التي بقيت في الوطن", "الشباب المتنقلون", "عاملات المنازل",
      "العمال الموسميون", "النقابات العمالية", "البلديات", "أصحاب العمل في المنطقة",
    ],
    verbs: [
      "يطالبون بتوفير", "يحتاجون إلى", "لا يحصلون على", "يدعمون", "يستحقون", "يفتقرون إلى", "يجب أن يحصلوا على",
      "يسعون إلى تعزيز", "يواجهون صعوبات في الوصول إلى", "يساهمون في", "يعتمدون على", "يدافعون عن",
    ],
    objects: [
      "العمل اللائق", "الحماية الاجتماعية", "الخدمات الصحية", "وثائق الهوية", "مسارات الهجرة الآمنة والنظامية",
      "التوظيف العادل", "المساعدة القنصلية", "المعاشات القابلة للتحويل", "التحويلات المالية", "الاعتراف بالمهارات",
      "لم شمل الأسرة", "دروس اللغة", "السكن اللائق", "تفتيش العمل", "برامج التكيف مع المناخ", "الملاجئ الطارئة",
      "تسجيل المواليد", "إجراءات التأشيرة", "آليات الشكاوى", "البيانات الدقيقة", "تعليم أطفالهم", "بدائل الاحتجاز",
      "مكافحة الاتجار بالبشر", "رعاية الصحة النفسية",
    ],
    tails: [
      "في بلدان المقصد", "على طول طرق الهجرة", "خلال الجائحة", "بعد العودة", "في المناطق الريفية", "دون تمييز",
      "في كل مرحلة من الرحلة", "وفقا للاتفاق العالمي", "في جميع أنحاء المنطقة", "رغم الإصلاحات الأخيرة",
      "في المناطق الحدودية", "في المدن الساحلية",
    ],
    rareTails: [
      "بعد الإعصار", "في مصانع الملابس", "لصالح الصيادين", "لمواجهة انعدام الجنسية", "عبر الأموال المتنقلة",
      "في ظل نظام الكفالة",
    ],
    openers: ["علاوة على ذلك،", "في الواقع،", "ونتيجة لذلك،", "ومن تجربتنا،", "ومع ذلك،", "وفي حالات كثيرة،"],
    titles: [
      (o, t) => `${o} ${t}`,
      (o, t) => `ضمان ${o} ${t}`,
      (o) => `توصيات بشأن ${o}`,
      (o, t, s) => `${s} و${o} ${t}`,
    ],
    recommendation: (o, t) => `ينبغي للحكومات ضمان ${o} ${t}.`,
    cased: false,
  },
  pt: {
    subjects: [
      "Os trabalhadores migrantes", "As mulheres migrantes", "Os migrantes retornados", "As autoridades locais",
      "As organizações da sociedade civil", "As comunidades da diáspora", "As agências de recrutamento",
      "As famílias que ficaram", "Os jovens em mobilidade", "As trabalhadoras domésticas", "Os trabalhadores sazonais",
      "Os sindicatos", "Os municípios", "Os empregadores da região",
    ],
    verbs: [
      "exigem", "reivindicam", "não obtêm", "pedem", "apoiam", "defendem", "raramente recebem", "merecem", "devem garantir",
      "procuram fortalecer", "reclamam", "financiam",
    ],
    objects: [
      "um trabalho digno", "a proteção social", "os serviços de saúde", "documentos de identidade",
      "vias de migração seguras e regulares", "o recrutamento ético", "a assistência consular", "pensões portáveis",
      "as remessas", "o reconhecimento de competências", "a reunificação familiar", "aulas de língua", "uma habitação digna",
      "a inspeção do trabalho", "programas de adaptação climática", "abrigos de emergência", "o registo de nascimentos",
      "procedimentos de visto simples", "mecanismos de queixa", "dados fiáveis", "educação para os filhos",
      "alternativas à detenção", "apoio contra o tráfico", "cuidados de saúde mental",
    ],
    tails: [
      "nos países de destino", "ao longo das rotas migratórias", "durante a pandemia", "após o regresso", "nas zonas rurais",
      "sem discriminação", "em cada etapa do percurso", "de acordo com o Pacto Global", "em toda a região",
      "apesar das reformas recentes", "nas zonas fronteiriças", "nas cidades costeiras",
    ],
    rareTails: [
      "depois do ciclone", "nas fábricas têxteis", "para os pescadores artesanais", "face à apatridia",
      "através do dinheiro móvel", "sob o sistema de patrocínio",
    ],
    openers: ["Além disso,", "Na prática,", "Por isso,", "Na nossa experiência,", "No entanto,", "Em muitos casos,"],
    titles: [
      (o, t) => `${cap(o)} ${t}`,
      (o, t) => `Garantir ${o} ${t}`,
      (o) => `Recomendações sobre ${o}`,
      (o, t, s) => `${s} e ${o} ${t}`,
    ],
    recommendation: (o, t) => `Os Estados devem garantir ${o} ${t}.`,
    cased: true,
  },
};

export const orgNameParts = {
  prefixes: ["Network", "Association", "Alliance", "Centre", "Coalition", "Forum", "Foundation", "Union", "Collective", "Institute", "Council", "Initiative"],
  focus: [
    "for Migrant Rights", "of Domestic Workers", "for Diaspora Development", "for Refugee Solidarity", "of Seasonal Workers",
    "for Labour Mobility", "for Women on the Move", "for Return and Reintegration", "for Decent Work", "of Migrant Families",
    "for Legal Aid", "for Inclusive Cities",
  ],
};

/** Countries each consultation's inputs mostly concern (ISO 3166-1 alpha-2). */
export const regionCountries: Record<string, string[]> = {
  asia: ["IN", "BD", "PK", "NP", "LK", "PH", "ID", "VN", "TH", "MM", "KH", "LA", "MY", "CN", "AF", "KZ", "KG", "TJ", "UZ", "MN", "JP", "KR"],
  mena: ["EG", "MA", "TN", "DZ", "LY", "JO", "LB", "SY", "IQ", "YE", "SA", "AE", "QA", "KW", "OM", "BH", "PS", "SD"],
  africa: ["NG", "GH", "SN", "ML", "NE", "BF", "CI", "ET", "KE", "UG", "TZ", "RW", "ZA", "ZW", "ZM", "MW", "MZ", "AO", "CD", "CM", "SO", "ER", "GN"],
  "north-america": ["US", "CA", "MX", "GT", "HN", "SV", "HT", "CU", "DO", "JM"],
  europe: ["DE", "FR", "IT", "ES", "GR", "PL", "RO", "UA", "GB", "NL", "BE", "SE", "PT", "AT", "HU", "RS", "TR", "MD"],
  "latin-america-caribbean": ["BR", "AR", "CL", "CO", "PE", "EC", "BO", "VE", "PY", "UY", "MX", "GT", "HN", "HT", "CR", "PA", "DO", "NI", "CU"],
  pacific: ["FJ", "PG", "SB", "VU", "WS", "TO", "KI", "TV", "NR", "MH", "FM", "PW", "AU", "NZ", "NC", "PF", "CK", "NU"],
};

/** Input languages per consultation, weights in the order of benchLanguages (en, fr, es, ar, pt). */
export const regionLanguages: Record<string, number[]> = {
  asia: [70, 6, 4, 12, 8],
  mena: [35, 20, 3, 40, 2],
  africa: [45, 35, 2, 8, 10],
  "north-america": [55, 10, 33, 1, 1],
  europe: [50, 20, 15, 7, 8],
  "latin-america-caribbean": [20, 8, 55, 1, 16],
  pacific: [80, 15, 2, 1, 2],
};
