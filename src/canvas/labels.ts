import type { LifecycleStage } from '../model/journey.js';

/**
 * The words the canvas adds around the map's own text. A map written in French gets French
 * labels (the tool's first users work in French); every other language gets English ones.
 */
export interface Labels {
  lanes: Record<'goal' | 'actions' | 'channels' | 'emotions' | 'pain_points' | 'opportunities' | 'owners' | 'kpis', string>;
  stages: Record<LifecycleStage, string>;
  persona: string;
  personas: string;
  owner: string;
  version: string;
  updated: string;
  scope: string;
  journeyKpis: string;
  target: string;
  actual: string;
  noTarget: string;
  notMeasured: string;
  noEmotion: string;
  status: { met: string; missed: string; unknown: string };
  emotions: [string, string, string, string, string];
  channelTypes: { digital: string; physical: string; human: string; unknown: string };
  legend: { emotion: string; channels: string; kpis: string };
  description(phases: number, touchpoints: number, personas: string[]): string;
  decimal: string;
  group: string;
  /** A colon as the language sets it after a label ("Owner:", "Responsable :"). */
  colon: string;
  /** Names of the well-known channels in this language, where they differ from the model's English. */
  channels: Record<string, string>;
  /** The slides of a deck around the canvas. */
  deck: {
    scorecard: string;
    painsAndOpportunities: string;
    columns: { kpi: string; phase: string; target: string; actual: string; status: string; owner: string; measured: string; touchpoint: string };
    wholeJourney: string;
    noKpis: string;
    noPains: string;
    customerGoal: string;
    resources: string;
    objectives: string;
    /** A phase shown in several parts. */
    continued: string;
    /** "1/2": which of the slides that share out the lanes of the same touchpoints. */
    part(index: number, count: number): string;
    /** The slides of a table that runs over several. */
    page(index: number, count: number): string;
  };
}

const EN: Labels = {
  lanes: {
    goal: 'Customer goal',
    actions: 'Touchpoints',
    channels: 'Channels',
    emotions: 'Emotion',
    pain_points: 'Pain points',
    opportunities: 'Opportunities',
    owners: 'Owners',
    kpis: 'KPIs',
  },
  stages: {
    awareness: 'Awareness',
    consideration: 'Consideration',
    purchase: 'Purchase',
    onboarding: 'Onboarding',
    usage: 'Usage',
    retention: 'Retention',
    advocacy: 'Advocacy',
  },
  persona: 'Persona',
  personas: 'Personas',
  owner: 'Owner',
  version: 'Version',
  updated: 'updated',
  scope: 'Scope',
  journeyKpis: 'Journey KPIs',
  target: 'target',
  actual: 'actual',
  noTarget: 'no target',
  notMeasured: 'not measured',
  noEmotion: 'no emotion recorded',
  status: { met: 'on target', missed: 'below target', unknown: 'no status' },
  emotions: ['very negative', 'negative', 'neutral', 'positive', 'very positive'],
  channelTypes: { digital: 'digital', physical: 'physical', human: 'human', unknown: 'undeclared' },
  legend: { emotion: 'Emotion', channels: 'Channels', kpis: 'KPIs' },
  description(phases, touchpoints, personas) {
    const who = personas.length ? ` for ${personas.join(', ')}` : '';
    return `Customer journey map${who}: ${phases} phase${phases === 1 ? '' : 's'} and ${touchpoints} touchpoint${touchpoints === 1 ? '' : 's'}, with channels, emotions, pain points, opportunities and KPIs.`;
  },
  decimal: '.',
  group: ',',
  colon: ':',
  channels: {},
  deck: {
    scorecard: 'KPI scorecard',
    painsAndOpportunities: 'Pain points and opportunities',
    columns: { kpi: 'KPI', phase: 'Phase', target: 'Target', actual: 'Actual', status: 'Status', owner: 'Owner', measured: 'Measured', touchpoint: 'Touchpoint' },
    wholeJourney: 'Whole journey',
    noKpis: 'No KPIs are defined for this journey.',
    noPains: 'No pain points or opportunities are recorded for this journey.',
    customerGoal: 'Customer goal',
    resources: 'Resources',
    objectives: 'Objectives',
    continued: 'continued',
    part: (index, count) => `lanes ${index + 1} of ${count}`,
    page: (index, count) => `${index + 1} of ${count}`,
  },
};

const FR: Labels = {
  lanes: {
    goal: 'Objectif client',
    actions: 'Points de contact',
    channels: 'Canaux',
    emotions: 'Émotion',
    pain_points: 'Irritants',
    opportunities: 'Opportunités',
    owners: 'Responsables',
    kpis: 'Indicateurs',
  },
  stages: {
    awareness: 'Sensibilisation',
    consideration: 'Considération',
    purchase: 'Achat',
    onboarding: 'Prise en main',
    usage: 'Usage',
    retention: 'Fidélisation',
    advocacy: 'Recommandation',
  },
  persona: 'Persona',
  personas: 'Personas',
  owner: 'Responsable',
  version: 'Version',
  updated: 'mise à jour le',
  scope: 'Périmètre',
  journeyKpis: 'Indicateurs du parcours',
  target: 'cible',
  actual: 'mesuré',
  noTarget: 'sans cible',
  notMeasured: 'non mesuré',
  noEmotion: 'émotion non renseignée',
  status: { met: 'cible atteinte', missed: 'sous la cible', unknown: 'sans statut' },
  emotions: ['très négative', 'négative', 'neutre', 'positive', 'très positive'],
  channelTypes: { digital: 'numérique', physical: 'physique', human: 'humain', unknown: 'non déclaré' },
  legend: { emotion: 'Émotion', channels: 'Canaux', kpis: 'Indicateurs' },
  description(phases, touchpoints, personas) {
    const who = personas.length ? ` pour ${personas.join(', ')}` : '';
    return `Carte du parcours client${who} : ${phases} phase${phases > 1 ? 's' : ''} et ${touchpoints} point${touchpoints > 1 ? 's' : ''} de contact, avec canaux, émotions, irritants, opportunités et indicateurs.`;
  },
  decimal: ',',
  // A no-break space keeps "36 800" on one line.
  group: '\u00a0',
  colon: '\u00a0:',
  channels: {
    website: 'Site web',
    'mobile-app': 'Application mobile',
    search: 'Moteur de recherche',
    social: 'Réseaux sociaux',
    'paid-ads': 'Publicité en ligne',
    email: 'E-mail',
    sms: 'SMS',
    chat: 'Chat en direct',
    'review-sites': "Sites d'avis",
    blog: 'Blog',
    webinar: 'Webinaire',
    marketplace: 'Place de marché',
    store: 'Magasin',
    event: 'Événement',
    outdoor: 'Affichage',
    print: 'Imprimé',
    mail: 'Courrier',
    packaging: 'Emballage',
    delivery: 'Livraison',
    phone: 'Téléphone',
    support: 'Service client',
    'sales-rep': 'Commercial',
    'word-of-mouth': 'Bouche-à-oreille',
    partner: 'Partenaire ou revendeur',
  },
  deck: {
    scorecard: 'Tableau de bord des indicateurs',
    painsAndOpportunities: 'Irritants et opportunités',
    columns: { kpi: 'Indicateur', phase: 'Phase', target: 'Cible', actual: 'Mesuré', status: 'Statut', owner: 'Responsable', measured: 'Mesuré le', touchpoint: 'Point de contact' },
    wholeJourney: 'Tout le parcours',
    noKpis: 'Aucun indicateur n’est défini pour ce parcours.',
    noPains: 'Aucun irritant ni aucune opportunité n’est renseigné pour ce parcours.',
    customerGoal: 'Objectif client',
    resources: 'Ressources',
    objectives: 'Objectifs',
    continued: 'suite',
    part: (index, count) => `lignes ${index + 1} sur ${count}`,
    page: (index, count) => `${index + 1} sur ${count}`,
  },
};

export function labelsFor(lang: string | undefined): Labels {
  return lang && /^fr\b/i.test(lang) ? FR : EN;
}

/** Formats a KPI value the same way on every machine (no locale data involved). */
export function formatNumber(value: number, labels: Labels): string {
  if (!Number.isFinite(value)) return String(value);
  // Rounded on the magnitude, so that −2.5 and 2.5 round alike.
  const magnitude = Math.round(Math.abs(value) * 100) / 100;
  const negative = value < 0 && magnitude > 0;
  const [whole, fraction] = magnitude.toFixed(2).replace(/\.?0+$/, '').split('.') as [string, string?];
  const grouped = whole.length > 4 ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, labels.group) : whole;
  return `${negative ? '−' : ''}${grouped}${fraction ? labels.decimal + fraction : ''}`;
}

/** A value with its unit: "48%", "4.8×", "4.4/5", "8 days". */
export function formatValue(value: number, unit: string, labels: Labels): string {
  const number = formatNumber(value, labels);
  if (!unit) return number;
  if (unit === '×' || unit.startsWith('/')) return number + unit;
  // French sets a (no-break) space before the percent sign; English does not.
  if (unit === '%') return labels === FR ? `${number}\u00a0%` : `${number}%`;
  return `${number}\u00a0${unit}`;
}
