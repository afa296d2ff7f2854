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

/** Lower case, accents and ligatures removed, every run of non-letters one space. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A test for any of `keywords` as whole words in folded text. A keyword may be a phrase; a
 * trailing `*` matches any ending (`fidélis*`: fidélisation, fidéliser); other words also match
 * their plural in -s or -x.
 */
export function keywordMatcher(keywords: readonly string[]): (folded: string) => boolean {
  const alternatives = keywords.map((keyword) => {
    const stem = keyword.endsWith('*');
    const words = foldText(stem ? keyword.slice(0, -1) : keyword);
    const escaped = words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return stem ? `${escaped}[a-z0-9]*` : `${escaped}(?:s|x)?`;
  });
  const pattern = new RegExp(`(?:^| )(?:${alternatives.join('|')})(?= |$)`);
  return (folded) => pattern.test(folded);
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
  feedback: { purposes: ['feedback'], metrics: ['nps', 'csat', 'ces'], contentDecides: false, words: keywordMatcher(FEEDBACK_WORDS) },
  loyalty: { purposes: ['loyalty', 'retention'], contentDecides: false, words: keywordMatcher(LOYALTY_WORDS) },
  review: { purposes: ['review'], channels: ['review-sites'], contentDecides: false, words: keywordMatcher(REVIEW_WORDS) },
  referral: { purposes: ['referral'], channels: ['word-of-mouth'], contentDecides: false, words: keywordMatcher(REFERRAL_WORDS) },
  education: {
    purposes: ['education'],
    contents: ['educational'],
    channels: ['blog', 'webinar'],
    contentDecides: true,
    words: keywordMatcher(EDUCATION_WORDS),
  },
  promotion: { purposes: ['promotion'], contents: ['product'], contentDecides: true, words: keywordMatcher(PROMOTION_WORDS) },
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
