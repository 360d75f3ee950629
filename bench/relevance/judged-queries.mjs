// The judged queries of the relevance benchmark (bench/relevance/run.mjs): how social workers and
// inhabitants type into the finder — colloquial words, acronyms, typos, words that are filters
// (free, open now, a commune, a language, a public), long phrases — in French, Dutch and English.
//
// How they were judged. Each topic lists the Bruxelles Social categories (ids of
// packages/sdk/reference/categories.json, from ../shared/fixtures/social-brussels/categories.json)
// a professional would accept as an answer to every query of the topic: the categories whose
// titles name that help, chosen by reading the 658 titles (e.g. "logement" accepts the search,
// support, social housing and rent-help categories, not "Adaptation du logement" for disabled
// people's homes). A service is relevant when one of its categories is accepted and it meets
// what the query's filter words ask: free of charge, in a commune (the services of or serving
// it), speaking a language, for a public (or for everyone). The same sets judge every engine.
// Bassins, communes and publics are those of ../shared/DOMAIN.md and the schemas.

export const TOPICS = [
  {
    topic: 'housing',
    accept: [1, 2, 3, 10, 15, 57, 58, 896],
    queries: [
      ['fr', 'logement'], ['fr', 'trouver un logement'], ['fr', 'logemnt'], ['fr', 'cherche appartement pas cher'], ['fr', 'logement social'],
      ['nl', 'huisvesting'], ['nl', 'woning zoeken'], ['nl', 'sociale woning'], ['en', 'housing'], ['en', 'help finding a flat'],
      ['fr', 'garantie locative'], ['nl', 'huurwaarborg'], ['fr', 'aide pour payer le loyer'],
      ['fr', 'logement jette', { commune: '21010' }], ['nl', 'huisvesting schaarbeek', { commune: '21015' }], ['fr', 'logement 1070', { commune: '21001' }],
    ],
  },
  {
    topic: 'food',
    accept: [12, 43, 453, 454],
    queries: [
      ['fr', 'aide alimentaire'], ['fr', 'colis alimentaire'], ['fr', 'resto du coeur'], ['fr', 'restos du cœur'], ['fr', 'manger gratuit', { free: true }],
      ['fr', 'épicerie sociale'], ['fr', 'epicerie sociale molenbeek', { commune: '21012' }], ['nl', 'voedselpakket'], ['nl', 'voedselhulp'], ['nl', 'sociale kruidenier'],
      ['en', 'food bank'], ['en', 'free meal', { free: true }], ['fr', 'banque alimentaire'],
    ],
  },
  {
    topic: 'cpas',
    accept: [67, 415, 926],
    queries: [
      ['fr', 'cpas'], ['nl', 'ocmw'], ['fr', 'CPAS Ixelles', { commune: '21009' }], ['nl', 'ocmw elsene', { commune: '21009' }], ['fr', 'revenu d\'intégration'],
      ['nl', 'leefloon'], ['fr', 'ris'], ['en', 'public social welfare centre'], ['fr', 'cpas de saint-gilles', { commune: '21013' }],
    ],
  },
  {
    topic: 'mental health',
    accept: [133, 270, 276, 278, 280, 282, 287, 279],
    queries: [
      ['fr', 'psy'], ['fr', 'psychologue'], ['fr', 'santé mentale'], ['fr', 'ssm'], ['fr', 'psy pour ado', { public: 'young-people' }],
      ['fr', 'soutien psychologique gratuit', { free: true }], ['nl', 'geestelijke gezondheid'], ['nl', 'psycholoog'], ['nl', 'cgg'], ['en', 'psychologist'],
      ['en', 'mental health'], ['fr', 'psychiatre'], ['fr', 'je vais pas bien psy'],
    ],
  },
  {
    topic: 'doctor',
    accept: [223, 224, 920, 925, 931],
    queries: [
      ['fr', 'médecin'], ['fr', 'medecin generaliste'], ['fr', 'maison médicale'], ['fr', 'maison medicle'], ['nl', 'huisarts'],
      ['nl', 'wijkgezondheidscentrum'], ['en', 'doctor'], ['en', 'gp'], ['fr', 'docteur anderlecht', { commune: '21001' }], ['fr', 'médecin gratuit', { free: true }],
    ],
  },
  {
    topic: 'dentist',
    accept: [227, 924],
    queries: [['fr', 'dentiste'], ['fr', 'mal aux dents'], ['nl', 'tandarts'], ['en', 'dentist'], ['fr', 'soins dentaires'], ['fr', 'dentiste pas cher', { free: true }]],
  },
  {
    topic: 'legal aid',
    accept: [57, 92, 125, 329, 411, 621],
    queries: [
      ['fr', 'aide juridique'], ['fr', 'aide juridique gratuite', { free: true }], ['fr', 'avocat pro deo'], ['fr', 'avocat'], ['fr', 'avocat en arabe', { language: 'ar' }],
      ['nl', 'juridisch advies'], ['nl', 'advocaat'], ['nl', 'juridische hulp in het Arabisch', { language: 'ar' }], ['en', 'legal aid'], ['en', 'free lawyer', { free: true }],
      ['fr', 'conseil juridique ixelles', { commune: '21009' }],
    ],
  },
  {
    topic: 'debt',
    accept: [458],
    queries: [['fr', 'dettes'], ['fr', 'médiation de dettes'], ['fr', 'surendettement'], ['fr', "j'ai des dettes"], ['nl', 'schuldbemiddeling'], ['nl', 'schulden'], ['en', 'debt advice'], ['fr', 'mediation de dete']],
  },
  {
    topic: 'homelessness',
    accept: [6, 7, 8, 9, 12, 13, 17, 18, 19, 20, 59, 63],
    queries: [['fr', 'sans abri'], ['fr', 'sdf'], ['fr', 'dormir ce soir'], ['fr', 'accueil de nuit'], ['nl', 'dakloos'], ['nl', 'daklozen opvang'], ['en', 'homeless'], ['en', 'homeless shelter'], ['fr', 'sans-abri'], ['fr', 'hébergement urgence sans abri']],
  },
  {
    topic: 'childcare',
    accept: [263, 264, 265, 266, 267, 271],
    queries: [['fr', 'crèche'], ['fr', 'creche'], ['fr', "garde d'enfants"], ['nl', 'kinderopvang'], ['nl', 'kinderdagverblijf'], ['en', 'childcare'], ['en', 'nursery'], ['fr', 'crèche schaerbeek', { commune: '21015' }]],
  },
  {
    topic: 'family planning',
    accept: [206, 207, 208, 209, 277, 318],
    queries: [['fr', 'planning familial'], ['fr', 'contraception'], ['fr', 'grossesse non désirée'], ['nl', 'gezinsplanning'], ['nl', 'zwangerschap'], ['en', 'family planning'], ['en', 'pregnancy']],
  },
  {
    topic: 'domestic violence',
    accept: [334, 336, 337, 338],
    queries: [['fr', 'violence conjugale'], ['fr', 'violences conjugales'], ['fr', 'mon mari me frappe violence'], ['nl', 'partnergeweld'], ['nl', 'huiselijk geweld'], ['en', 'domestic violence'], ['fr', 'hébergement femmes victimes de violence', { public: 'women' }]],
  },
  {
    topic: 'french lessons',
    accept: [424, 425, 615, 617],
    queries: [['fr', 'cours de français'], ['fr', 'apprendre le français'], ['fr', 'alphabétisation'], ['fr', 'alphabetisasion'], ['fr', 'fle'], ['nl', 'frans leren'], ['en', 'french lessons'], ['en', 'learn french']],
  },
  {
    topic: 'dutch lessons',
    accept: [425, 616, 618],
    queries: [['fr', 'cours de néerlandais'], ['fr', 'apprendre le néerlandais'], ['nl', 'nederlands leren'], ['nl', 'nt2'], ['en', 'dutch lessons'], ['en', 'learn dutch']],
  },
  {
    topic: 'work',
    accept: [414, 415, 416, 417, 418, 419, 420, 422],
    queries: [['fr', 'emploi'], ['fr', 'chercher du travail'], ['fr', 'chômage'], ['fr', 'faire mon cv'], ['nl', 'werk zoeken'], ['nl', 'werkloos'], ['en', 'job'], ['en', 'looking for work'], ['fr', 'emploi pour jeunes', { public: 'young-people' }]],
  },
  {
    topic: 'family allowance',
    accept: [326],
    queries: [['fr', 'allocations familiales'], ['nl', 'kinderbijslag'], ['nl', 'groeipakket'], ['en', 'child benefit']],
  },
  {
    topic: 'energy',
    accept: [456],
    queries: [['fr', 'facture de gaz'], ['fr', 'énergie'], ['fr', "facture d'électricité trop chère"], ['nl', 'energiefactuur'], ['nl', 'verwarming'], ['en', 'energy bill']],
  },
  {
    topic: 'computers',
    accept: [461],
    queries: [['fr', 'epn'], ['fr', 'ordinateur'], ['fr', 'internet gratuit', { free: true }], ['nl', 'computer'], ['en', 'public computer']],
  },
  {
    topic: 'clothes',
    accept: [17, 455],
    queries: [['fr', 'vêtements'], ['fr', 'vestiaire social'], ['nl', 'kleding'], ['en', 'clothes'], ['fr', 'vetements gratuits', { free: true }]],
  },
  {
    topic: 'showers',
    accept: [13, 215],
    queries: [['fr', 'douche'], ['fr', 'prendre une douche'], ['en', 'shower'], ['fr', 'laverie']],
  },
  {
    topic: 'older people',
    accept: [22, 24, 26, 27, 29, 44, 106, 108],
    queries: [['fr', 'personnes âgées'], ['fr', 'seniors'], ['fr', 'activités pour seniors'], ['nl', 'ouderen'], ['nl', 'senioren'], ['en', 'elderly'], ['fr', 'grapa'], ['nl', 'sport voor senioren']],
  },
  {
    topic: 'addiction',
    accept: [364, 367, 368, 373, 374, 375, 381],
    queries: [['fr', 'drogue'], ['fr', 'toxicomanie'], ['fr', 'assuétudes'], ['fr', 'alcool'], ['nl', 'verslaving'], ['nl', 'drugs'], ['en', 'addiction']],
  },
  {
    topic: 'carers',
    accept: [923, 927, 928],
    queries: [['fr', 'aidant proche'], ['fr', 'aidants proches'], ['nl', 'mantelzorger'], ['en', 'carer support']],
  },
  {
    topic: 'interpreting',
    accept: [317],
    queries: [['fr', 'interprète'], ['fr', 'traduction'], ['nl', 'tolk'], ['en', 'interpreter']],
  },
  {
    topic: 'newcomers',
    accept: [419, 886, 895, 896, 897],
    queries: [['fr', 'primo-arrivant'], ['fr', 'primo arrivants'], ['nl', 'nieuwkomers'], ['en', 'newcomers']],
  },
  {
    topic: 'asylum',
    accept: [870, 871, 872, 874],
    queries: [['fr', "demandeur d'asile"], ['fr', 'asile'], ['nl', 'asielzoeker'], ['en', 'asylum seeker']],
  },
  {
    topic: 'home care',
    accept: [25, 35, 216, 249],
    queries: [['fr', 'aide à domicile'], ['fr', 'aide familiale'], ['fr', 'soins à domicile'], ['nl', 'thuiszorg'], ['en', 'home care']],
  },
  {
    topic: 'disability',
    accept: [75, 76, 77, 79, 80, 82, 83, 84, 88, 90, 91, 92],
    queries: [['fr', 'handicap'], ['fr', 'personne handicapée'], ['nl', 'handicap'], ['en', 'disability'], ['fr', 'sport handicap']],
  },
  {
    topic: 'homework',
    accept: [134, 354, 897, 96],
    queries: [['fr', 'aide aux devoirs'], ['fr', 'école de devoirs'], ['nl', 'huiswerkbegeleiding'], ['en', 'homework help']],
  },
  {
    topic: 'moving',
    accept: [4],
    queries: [['fr', 'déménagement'], ['nl', 'verhuizen'], ['en', 'moving house']],
  },
  {
    topic: 'health insurance',
    accept: [921],
    queries: [['fr', 'mutuelle'], ['nl', 'ziekenfonds'], ['en', 'health insurance']],
  },
  {
    topic: 'prison',
    accept: [400, 401, 403, 404, 405, 406, 418, 623],
    queries: [['fr', 'prison'], ['fr', 'sortie de prison'], ['nl', 'gevangenis'], ['en', 'leaving prison']],
  },
];

/** Every judged query, numbered, with the topic's accepted categories and what its filter words ask. */
export const JUDGED = TOPICS.flatMap(({ topic, accept, queries }) => queries.map(([lang, query, where = {}]) => ({ topic, lang, query, accept, where })));
