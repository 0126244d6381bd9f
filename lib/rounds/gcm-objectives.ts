// The 23 objectives of the Global Compact for Safe, Orderly and Regular Migration (A/RES/73/195),
// the topics of its regional reviews, under the four round tables of the International Migration
// Review Forum (A/RES/73/326). English titles as in the Compact; the French, Spanish and Arabic
// titles are this portal's renderings, to be checked against the Compact's official versions.
// The secretariat loads them into an empty round from its round's page (lib/rounds importGcmObjectives).
import type { Locale } from "@/db/schema";

type Names = Record<Locale, string>;

export const gcmRoundTables: readonly { key: string; objectives: readonly number[]; names: Names }[] = [
  {
    key: "rt1",
    objectives: [2, 5, 6, 12, 18],
    names: { en: "Round table 1", fr: "Table ronde 1", es: "Mesa redonda 1", ar: "المائدة المستديرة 1" },
  },
  {
    key: "rt2",
    objectives: [4, 8, 9, 10, 11, 13, 14, 21],
    names: { en: "Round table 2", fr: "Table ronde 2", es: "Mesa redonda 2", ar: "المائدة المستديرة 2" },
  },
  {
    key: "rt3",
    objectives: [15, 16, 19, 20, 22],
    names: { en: "Round table 3", fr: "Table ronde 3", es: "Mesa redonda 3", ar: "المائدة المستديرة 3" },
  },
  {
    key: "rt4",
    objectives: [1, 3, 7, 17, 23],
    names: { en: "Round table 4", fr: "Table ronde 4", es: "Mesa redonda 4", ar: "المائدة المستديرة 4" },
  },
];

export const gcmObjectives: readonly { number: number; names: Names }[] = [
  {
    number: 1,
    names: {
      en: "Collect and utilize accurate and disaggregated data as a basis for evidence-based policies",
      fr: "Collecter et utiliser des données exactes et ventilées qui serviront à l'élaboration de politiques fondées sur la connaissance des faits",
      es: "Recopilar y utilizar datos exactos y desglosados para formular políticas con base empírica",
      ar: "جمع بيانات دقيقة ومصنفة واستخدامها أساسًا لسياسات قائمة على الأدلة",
    },
  },
  {
    number: 2,
    names: {
      en: "Minimize the adverse drivers and structural factors that compel people to leave their country of origin",
      fr: "Lutter contre les facteurs négatifs et les problèmes structurels qui poussent des personnes à quitter leur pays d'origine",
      es: "Minimizar los factores adversos y estructurales que obligan a las personas a abandonar su país de origen",
      ar: "التقليل إلى أدنى حد من الدوافع السلبية والعوامل الهيكلية التي تضطر الناس إلى مغادرة بلدهم الأصلي",
    },
  },
  {
    number: 3,
    names: {
      en: "Provide accurate and timely information at all stages of migration",
      fr: "Fournir dans les meilleurs délais des informations exactes à toutes les étapes de la migration",
      es: "Proporcionar información exacta y oportuna en todas las etapas de la migración",
      ar: "توفير معلومات دقيقة وفي الوقت المناسب في جميع مراحل الهجرة",
    },
  },
  {
    number: 4,
    names: {
      en: "Ensure that all migrants have proof of legal identity and adequate documentation",
      fr: "Munir tous les migrants d'une preuve d'identité légale et de papiers adéquats",
      es: "Velar por que todos los migrantes tengan pruebas de su identidad jurídica y documentación adecuada",
      ar: "ضمان حصول جميع المهاجرين على ما يثبت هويتهم القانونية وعلى الوثائق المناسبة",
    },
  },
  {
    number: 5,
    names: {
      en: "Enhance availability and flexibility of pathways for regular migration",
      fr: "Faire en sorte que les filières de migration régulière soient accessibles et plus souples",
      es: "Aumentar la disponibilidad y flexibilidad de las vías de migración regular",
      ar: "تعزيز توافر مسارات الهجرة النظامية ومرونتها",
    },
  },
  {
    number: 6,
    names: {
      en: "Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work",
      fr: "Favoriser des pratiques de recrutement justes et éthiques et assurer les conditions d'un travail décent",
      es: "Facilitar la contratación equitativa y ética y salvaguardar las condiciones que garantizan el trabajo decente",
      ar: "تيسير التوظيف العادل والأخلاقي وصون الظروف التي تكفل العمل اللائق",
    },
  },
  {
    number: 7,
    names: {
      en: "Address and reduce vulnerabilities in migration",
      fr: "S'attaquer aux facteurs de vulnérabilité liés aux migrations et les réduire",
      es: "Abordar y reducir las vulnerabilidades en la migración",
      ar: "معالجة أوجه الضعف في الهجرة والحد منها",
    },
  },
  {
    number: 8,
    names: {
      en: "Save lives and establish coordinated international efforts on missing migrants",
      fr: "Sauver des vies et mettre en place une action internationale coordonnée pour retrouver les migrants disparus",
      es: "Salvar vidas y emprender iniciativas internacionales coordinadas sobre los migrantes desaparecidos",
      ar: "إنقاذ الأرواح وتنسيق الجهود الدولية بشأن المهاجرين المفقودين",
    },
  },
  {
    number: 9,
    names: {
      en: "Strengthen the transnational response to smuggling of migrants",
      fr: "Renforcer l'action transnationale face au trafic de migrants",
      es: "Reforzar la respuesta transnacional al tráfico ilícito de migrantes",
      ar: "تعزيز التصدي عبر الوطني لتهريب المهاجرين",
    },
  },
  {
    number: 10,
    names: {
      en: "Prevent, combat and eradicate trafficking in persons in the context of international migration",
      fr: "Prévenir, combattre et éliminer la traite de personnes dans le cadre des migrations internationales",
      es: "Prevenir, combatir y erradicar la trata de personas en el contexto de la migración internacional",
      ar: "منع الاتجار بالأشخاص ومكافحته والقضاء عليه في سياق الهجرة الدولية",
    },
  },
  {
    number: 11,
    names: {
      en: "Manage borders in an integrated, secure and coordinated manner",
      fr: "Gérer les frontières de manière intégrée, sûre et coordonnée",
      es: "Gestionar las fronteras de manera integrada, segura y coordinada",
      ar: "إدارة الحدود بطريقة متكاملة وآمنة ومنسقة",
    },
  },
  {
    number: 12,
    names: {
      en: "Strengthen certainty and predictability in migration procedures for appropriate screening, assessment and referral",
      fr: "Renforcer la sécurité juridique et la prévisibilité des procédures migratoires pour assurer un contrôle, une évaluation et une orientation appropriés",
      es: "Aumentar la certidumbre y previsibilidad de los procedimientos migratorios para la adecuada verificación de antecedentes, evaluación y derivación",
      ar: "تعزيز اليقين وإمكانية التنبؤ في إجراءات الهجرة من أجل الفرز والتقييم والإحالة على النحو المناسب",
    },
  },
  {
    number: 13,
    names: {
      en: "Use migration detention only as a measure of last resort and work towards alternatives",
      fr: "Ne recourir à la rétention administrative des migrants qu'en dernier ressort et chercher des solutions de rechange",
      es: "Utilizar la detención de migrantes solo como último recurso y buscar otras alternativas",
      ar: "عدم اللجوء إلى احتجاز المهاجرين إلا كتدبير أخير والعمل على إيجاد بدائل له",
    },
  },
  {
    number: 14,
    names: {
      en: "Enhance consular protection, assistance and cooperation throughout the migration cycle",
      fr: "Renforcer la protection, l'assistance et la coopération consulaires tout au long du cycle migratoire",
      es: "Mejorar la protección, asistencia y cooperación consulares a lo largo de todo el ciclo migratorio",
      ar: "تعزيز الحماية والمساعدة والتعاون القنصلي طوال دورة الهجرة",
    },
  },
  {
    number: 15,
    names: {
      en: "Provide access to basic services for migrants",
      fr: "Assurer l'accès des migrants aux services de base",
      es: "Proporcionar a los migrantes acceso a los servicios básicos",
      ar: "توفير إمكانية حصول المهاجرين على الخدمات الأساسية",
    },
  },
  {
    number: 16,
    names: {
      en: "Empower migrants and societies to realize full inclusion and social cohesion",
      fr: "Donner aux migrants et aux sociétés les moyens de réaliser la pleine intégration et la cohésion sociale",
      es: "Empoderar a los migrantes y las sociedades para lograr la plena inclusión y la cohesión social",
      ar: "تمكين المهاجرين والمجتمعات من تحقيق الإدماج الكامل والتماسك الاجتماعي",
    },
  },
  {
    number: 17,
    names: {
      en: "Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration",
      fr: "Éliminer toutes les formes de discrimination et encourager un débat public fondé sur l'analyse des faits afin de faire évoluer la manière dont les migrations sont perçues",
      es: "Eliminar todas las formas de discriminación y promover un discurso público con base empírica para modificar las percepciones de la migración",
      ar: "القضاء على جميع أشكال التمييز وتعزيز خطاب عام قائم على الأدلة لتشكيل التصورات عن الهجرة",
    },
  },
  {
    number: 18,
    names: {
      en: "Invest in skills development and facilitate mutual recognition of skills, qualifications and competences",
      fr: "Investir dans le perfectionnement des compétences et faciliter la reconnaissance mutuelle des aptitudes, qualifications et compétences",
      es: "Invertir en el desarrollo de aptitudes y facilitar el reconocimiento mutuo de aptitudes, cualificaciones y competencias",
      ar: "الاستثمار في تنمية المهارات وتيسير الاعتراف المتبادل بالمهارات والمؤهلات والكفاءات",
    },
  },
  {
    number: 19,
    names: {
      en: "Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries",
      fr: "Créer les conditions permettant aux migrants et aux diasporas de contribuer pleinement au développement durable dans tous les pays",
      es: "Crear las condiciones necesarias para que los migrantes y las diásporas puedan contribuir plenamente al desarrollo sostenible en todos los países",
      ar: "تهيئة الظروف التي تمكّن المهاجرين والمغتربين من المساهمة الكاملة في التنمية المستدامة في جميع البلدان",
    },
  },
  {
    number: 20,
    names: {
      en: "Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants",
      fr: "Promouvoir des transferts de fonds plus rapides, plus sûrs et moins coûteux et favoriser l'inclusion financière des migrants",
      es: "Promover transferencias de remesas más rápidas, seguras y económicas y fomentar la inclusión financiera de los migrantes",
      ar: "تعزيز تحويل الأموال بطريقة أسرع وأكثر أمانًا وأقل تكلفة، وتعزيز الشمول المالي للمهاجرين",
    },
  },
  {
    number: 21,
    names: {
      en: "Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration",
      fr: "Coopérer en vue de faciliter le retour et la réadmission en toute sécurité et dans la dignité, ainsi que la réintégration durable",
      es: "Colaborar para facilitar el regreso y la readmisión en condiciones de seguridad y dignidad, así como la reintegración sostenible",
      ar: "التعاون على تيسير العودة وإعادة القبول بصورة آمنة وكريمة، وكذلك إعادة الإدماج المستدامة",
    },
  },
  {
    number: 22,
    names: {
      en: "Establish mechanisms for the portability of social security entitlements and earned benefits",
      fr: "Mettre en place des mécanismes de portabilité des droits de sécurité sociale et des avantages acquis",
      es: "Establecer mecanismos para la portabilidad de la seguridad social y las prestaciones adquiridas",
      ar: "إنشاء آليات لقابلية نقل استحقاقات الضمان الاجتماعي والمزايا المكتسبة",
    },
  },
  {
    number: 23,
    names: {
      en: "Strengthen international cooperation and global partnerships for safe, orderly and regular migration",
      fr: "Renforcer la coopération internationale et les partenariats mondiaux pour des migrations sûres, ordonnées et régulières",
      es: "Fortalecer la cooperación internacional y las alianzas mundiales para la migración segura, ordenada y regular",
      ar: "تعزيز التعاون الدولي والشراكات العالمية من أجل الهجرة الآمنة والمنظمة والنظامية",
    },
  },
];
