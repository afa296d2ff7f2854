import { resolveChannel, type ContentKind, type JourneyMap, type Kpi, type Metric, type Purpose, type Touchpoint } from '../model/journey.js';

/**
 * What a touchpoint is for, as the rules that look for a mechanism (feedback in usage, loyalty in
 * retention, reviews and referrals in advocacy, educational content in awareness) ask it.
 *
 * Explicit fields decide first: `purpose` tags, then `content`, the channel and the KPIs that
 * measure the touchpoint. Only a touchpoint that classifies itself nowhere is judged by its
 * words, in French or English, with accents, case and punctuation ignored.
 */
export type Signal = 'feedback' | 'loyalty' | 'review' | 'referral' | 'education' | 'promotion';

/** Lower case, accents and ligatures (œ, æ) removed, every run of non-letters one space. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\u0153/g, 'oe')
    .replace(/\u00e6/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A test for any of `keywords` as whole words in folded text. A keyword may be a phrase; a
 * trailing `*` matches any ending (`fidélis*`: fidélisation, fidéliser); other words also match
 * their plural in -s or -x.
 *
 * Folded text is words split by single spaces, so the test walks its words and looks up only the
 * keywords that start like each one (by their first three letters): a run of the rules asks this
 * hundreds of times, mostly of code not yet optimised, where one large regular expression tried
 * at every position cost several milliseconds.
 */
export function keywordMatcher(keywords: readonly string[]): (folded: string) => boolean {
  const byStart = new Map<string, Keyword[]>();
  for (const keyword of keywords) {
    const stem = keyword.endsWith('*');
    const words = foldText(stem ? keyword.slice(0, -1) : keyword).split(' ');
    const key = words[0]!.slice(0, KEY_LENGTH);
    byStart.set(key, [...(byStart.get(key) ?? []), { words, stem }]);
  }
  // A keyword whose first word is shorter than the key (`e book*`) is found by that many letters.
  const keyLengths = [...new Set([...byStart.keys()].map((key) => key.length))];
  return (folded) => {
    const words = folded.split(' ');
    for (let at = 0; at < words.length; at++) {
      for (const length of keyLengths) {
        const candidates = byStart.get(words[at]!.slice(0, length));
        if (candidates?.some((keyword) => matchesAt(words, at, keyword))) return true;
      }
    }
    return false;
  };
}

interface Keyword {
  /** Folded words of the keyword; the last one is a stem when `stem` is set. */
  words: string[];
  stem: boolean;
}

/** Keywords are looked up by this many first letters of their first word (all of it when shorter). */
const KEY_LENGTH = 3;

function matchesAt(words: readonly string[], at: number, keyword: Keyword): boolean {
  const last = keyword.words.length - 1;
  if (at + last >= words.length) return false;
  for (let i = 0; i < last; i++) if (words[at + i] !== keyword.words[i]) return false;
  const word = words[at + last]!;
  const wanted = keyword.words[last]!;
  if (keyword.stem) return word.startsWith(wanted);
  return word === wanted || ((word.length === wanted.length + 1 && word.startsWith(wanted) && (word.endsWith('s') || word.endsWith('x'))));
}

// Word lists. French and English side by side; each entry is folded before use, so accents are
// written naturally. Words with a common second meaning are left out on purpose: French
// "entretien" (an interview, but also maintenance), "comment" (how), "note" (a memo).
const FEEDBACK_WORDS = [
  'feedback*', 'survey*', 'questionnaire*', 'enquête*', 'sondage*', 'avis',
  "retour d'expérience", "retours d'expérience", 'retour client*', 'retours client*',
  'voix du client', 'voice of the customer', 'satisfaction', 'nps', 'csat', 'net promoter',
  'customer effort', 'commentaire*', 'rating*', 'rate', 'noter', 'notez', 'évaluer', 'évaluez', 'interview*',
];

const LOYALTY_WORDS = [
  'fidélité', 'fidélis*', 'fidèle*', 'loyalty', 'loyal', 'reward*', 'récompense*', 'cashback',
  'club', 'vip', 'membre*', 'member*', 'adhésion*', 'avantage*', 'abonnement*', 'abonné*',
  'subscription*', 'subscriber*', 'renouvel*', 'renew*', 'réabonn*', 'réachat*', 'rachat*',
  'racheter', 'rachète*', 'repurchase*', 'reorder*', 're order*', 'réassort*', 'replenish*',
  'win back', 'winback', 'reconquête',
];

const REVIEW_WORDS = [
  'avis', 'review*', 'témoignage*', 'testimonial*', 'trustpilot', 'étude de cas', 'études de cas',
  'case stud*', 'cas client*', 'user generated', 'ugc',
];

const REFERRAL_WORDS = [
  'parrain*', 'filleul*', 'referral*', 'refer a friend', 'recommand*', 'recommend*', 'ambassad*',
  'bouche à oreille', 'word of mouth',
];

const EDUCATION_WORDS = [
  'guide*', 'tuto*', 'tutorial*', 'article*', 'blog*', 'conseil*', 'astuce*', 'livre blanc',
  'livres blancs', 'white paper*', 'whitepaper*', 'ebook*', 'e book*', 'webinar*', 'webinaire*',
  'faq', 'infographi*', 'podcast*', 'checklist*', 'how to', 'tips', 'explainer*', 'masterclass*',
  "mode d'emploi",
];

const PROMOTION_WORDS = [
  'promo', 'promos', 'promotion*', 'réduction*', 'remise*', 'soldes', 'discount*', 'coupon*',
  'code promo', 'offre spéciale', 'offres spéciales', 'special offer*', 'fiche produit',
  'fiches produit', 'page produit', 'product page*', 'catalogue*', 'catalog*', 'tarif*', 'pricing',
  'buy now', 'achetez', 'démo produit', 'product demo*',
];

/** Each signal's words, for the matchers below. */
export const SIGNAL_WORDS: Record<Signal, readonly string[]> = {
  feedback: FEEDBACK_WORDS,
  loyalty: LOYALTY_WORDS,
  review: REVIEW_WORDS,
  referral: REFERRAL_WORDS,
  education: EDUCATION_WORDS,
  promotion: PROMOTION_WORDS,
};

interface SignalDefinition {
  purposes: readonly Purpose[];
  contents?: readonly ContentKind[];
  channels?: readonly string[];
  /** A touchpoint measured by a KPI of one of these metrics has the signal (a CSAT is a survey). */
  metrics?: readonly Metric[];
  /** Whether `content`, when set, classifies the touchpoint for this signal (and words are not read). */
  contentDecides: boolean;
  words: (folded: string) => boolean;
}

const SIGNALS: Record<Signal, SignalDefinition> = {
  feedback: { purposes: ['feedback'], metrics: ['nps', 'csat', 'ces'], contentDecides: false, words: keywordMatcher(SIGNAL_WORDS.feedback) },
  loyalty: { purposes: ['loyalty', 'retention'], contentDecides: false, words: keywordMatcher(SIGNAL_WORDS.loyalty) },
  review: { purposes: ['review'], channels: ['review-sites'], contentDecides: false, words: keywordMatcher(SIGNAL_WORDS.review) },
  referral: { purposes: ['referral'], channels: ['word-of-mouth'], contentDecides: false, words: keywordMatcher(SIGNAL_WORDS.referral) },
  education: {
    purposes: ['education'],
    contents: ['educational'],
    channels: ['blog', 'webinar'],
    contentDecides: true,
    words: keywordMatcher(SIGNAL_WORDS.education),
  },
  promotion: { purposes: ['promotion'], contents: ['product'], contentDecides: true, words: keywordMatcher(SIGNAL_WORDS.promotion) },
};

export const METRICS_THAT_COLLECT_FEEDBACK: readonly Metric[] = ['nps', 'csat', 'ces'];

/** Whether a touchpoint has a signal, explicit fields first, words only when nothing classifies it. */
export function hasSignal(map: JourneyMap, touchpoint: Touchpoint, signal: Signal): boolean {
  const definition = SIGNALS[signal];
  if (touchpoint.purpose?.some((p) => definition.purposes.includes(p))) return true;
  if (touchpoint.content !== undefined && definition.contents?.includes(touchpoint.content)) return true;
  if (touchpoint.channel !== undefined && definition.channels?.includes(touchpoint.channel)) return true;
  if (definition.metrics && touchpoint.kpis?.some((id) => definition.metrics!.includes(kpiById(map, id)?.metric as Metric))) return true;
  if (touchpoint.purpose !== undefined && touchpoint.purpose.length > 0) return false;
  if (definition.contentDecides && touchpoint.content !== undefined) return false;
  return definition.words(touchpointText(map, touchpoint));
}

/** Whether a touchpoint's own words (not its tags) mention a signal. */
export function mentions(map: JourneyMap, touchpoint: Touchpoint, signal: Signal): boolean {
  return SIGNALS[signal].words(touchpointText(map, touchpoint));
}

const textCache = new WeakMap<Touchpoint, string>();

/** The folded words that describe a touchpoint: its name, action, description and channel. */
export function touchpointText(map: JourneyMap, touchpoint: Touchpoint): string {
  let text = textCache.get(touchpoint);
  if (text === undefined) {
    const parts: string[] = [touchpoint.name, touchpoint.action ?? '', touchpoint.description ?? ''];
    if (touchpoint.channel) {
      const own = map.channels?.find((c) => c.id === touchpoint.channel);
      parts.push(resolveChannel(map, touchpoint.channel)?.name ?? '', own?.description ?? '');
    }
    text = foldText(parts.join(' '));
    textCache.set(touchpoint, text);
  }
  return text;
}

const kpiIndex = new WeakMap<JourneyMap, Map<string, Kpi>>();

export function kpiById(map: JourneyMap, id: string): Kpi | undefined {
  let index = kpiIndex.get(map);
  if (!index) {
    index = new Map();
    for (const kpi of map.kpis ?? []) index.set(kpi.id, kpi);
    for (const phase of map.phases) for (const kpi of phase.kpis ?? []) index.set(kpi.id, kpi);
    kpiIndex.set(map, index);
  }
  return index.get(id);
}
