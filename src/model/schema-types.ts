/* Generated from schemas/journey.schema.json by scripts/gen-types.mjs. Do not edit. */

/**
 * Identifier: lowercase letters and digits, words joined by '-' or '_', starting with a letter, unique within the map.
 */
export type Id = string;
/**
 * A success indicator with its target and measured value.
 */
export type Kpi = {
  id: Id;
  /**
   * Name shown in reports.
   */
  name: string;
  /**
   * Kind of measure; sets the allowed range and whether higher is better.
   */
  metric:
    | 'nps'
    | 'csat'
    | 'ces'
    | 'conversion_rate'
    | 'retention_rate'
    | 'churn_rate'
    | 'cltv'
    | 'roas'
    | 'time_to_convert'
    | 'custom';
  /**
   * Answer scale for csat and ces (required for them), or any bounded custom metric.
   */
  scale?: '1-5' | '1-7' | '1-10' | '0-10' | '0-100';
  /**
   * Whether a higher or a lower value is better. Defaults from the metric: lower for ces, churn_rate and time_to_convert, higher otherwise.
   */
  direction?: 'higher' | 'lower';
  /**
   * Value aimed for.
   */
  target?: number;
  /**
   * Value last measured.
   */
  actual?: number;
  /**
   * Unit of target and actual when the metric has no fixed one.
   */
  unit?: string;
  /**
   * Date of the measure (YYYY-MM-DD).
   */
  measured_at?: string;
  /**
   * Person or team accountable for the indicator.
   */
  owner?: string;
  /**
   * How the indicator is measured.
   */
  description?: string;
};

/**
 * A customer journey map as code: personas, the phases of the customer lifecycle, touchpoints on every channel, emotions, pain points, opportunities and KPIs. Reference: docs/format.md.
 */
export interface JourneyMap {
  /**
   * Optional address of this schema, for editors that read it from the document.
   */
  $schema?: string;
  /**
   * Version of the journey map format this file is written in. The only version today is 1.
   */
  journeykit: 1;
  /**
   * Name of the journey, shown as the title of every diagram and report.
   */
  title: string;
  /**
   * What the journey covers, in a few sentences.
   */
  description?: string;
  /**
   * What the mapping exercise is meant to achieve; the first step of any map.
   */
  objectives?: string[];
  /**
   * Which part of the business, market or product the map covers.
   */
  scope?: string;
  /**
   * BCP 47 language tag of the map's text.
   */
  lang?: string;
  /**
   * Person or team accountable for the map.
   */
  owner?: string;
  /**
   * Version label of this map, chosen by its authors.
   */
  version?: string;
  /**
   * Date of the last review of the map (YYYY-MM-DD).
   */
  updated?: string;
  /**
   * Library files whose personas and channels this map uses, as paths relative to this file (docs/git.md#shared-personas-and-channels).
   */
  include?: string[];
  /**
   * The customers the journey is drawn for, ranked by priority.
   */
  personas?: Persona[];
  /**
   * Channels of this company, in addition to the well-known channel ids (docs/format.md#channels).
   */
  channels?: Channel[];
  /**
   * Indicators that measure the journey as a whole (a global NPS, for example).
   */
  kpis?: Kpi[];
  /**
   * The phases of the journey, in the order the customer lives them.
   *
   * @minItems 1
   */
  phases: [Phase, ...Phase[]];
}
/**
 * A fictional but data-grounded customer.
 */
export interface Persona {
  id: Id;
  /**
   * Name shown in diagrams.
   */
  name: string;
  /**
   * Who this persona is.
   */
  description?: string;
  /**
   * Customer segment the persona stands for.
   */
  segment?: string;
  /**
   * Rank by business potential: 1 is the persona to serve first.
   */
  priority?: number;
  /**
   * What the persona wants to achieve.
   */
  goals?: string[];
  /**
   * What the persona needs from the company.
   */
  needs?: string[];
  /**
   * What annoys or blocks the persona.
   */
  frustrations?: string[];
  /**
   * Verbatim words from real customers.
   */
  quotes?: string[];
  /**
   * Free key/value facts: age, city, job, income band…
   */
  demographics?: {
    [k: string]: string | number | boolean;
  };
  /**
   * Survey questions and answers (zero-party data) that back the persona.
   */
  research?: {
    /**
     * Question asked to real customers.
     */
    question: string;
    /**
     * What they answered.
     */
    answer?: string;
  }[];
}
/**
 * A channel of this company's, beyond the well-known ones.
 */
export interface Channel {
  id: Id;
  /**
   * Name shown in diagrams.
   */
  name?: string;
  /**
   * digital (online), physical (a place or object) or human (a person talks to the customer).
   */
  type: 'digital' | 'physical' | 'human';
  /**
   * What this channel is.
   */
  description?: string;
}
/**
 * One phase of the journey.
 */
export interface Phase {
  id: Id;
  /**
   * Name of the phase, free text in the map's language.
   */
  name: string;
  /**
   * Lifecycle stage the phase belongs to, in this order: awareness, consideration, purchase, onboarding, usage, retention, advocacy.
   */
  stage: 'awareness' | 'consideration' | 'purchase' | 'onboarding' | 'usage' | 'retention' | 'advocacy';
  /**
   * What the customer wants to achieve in this phase.
   */
  customer_goal?: string;
  /**
   * What happens in this phase.
   */
  description?: string;
  /**
   * What the teams need to deliver this phase (tools, people, budget).
   */
  resources?: string[];
  /**
   * Interactions between the customer and the company in this phase, in order.
   */
  touchpoints?: Touchpoint[];
  /**
   * Success indicators of this phase.
   */
  kpis?: Kpi[];
}
/**
 * One interaction between the customer and the company.
 */
export interface Touchpoint {
  id: Id;
  /**
   * Name shown in diagrams.
   */
  name: string;
  /**
   * Channel id: one of `channels`, or a well-known id such as website, search, social, email, store, phone (docs/format.md#channels).
   */
  channel?: string;
  /**
   * Persona ids this touchpoint concerns; every persona when omitted.
   */
  personas?: Id[];
  /**
   * What the customer does.
   */
  action?: string;
  /**
   * Details of the interaction.
   */
  description?: string;
  /**
   * How the customer feels: -2 very negative, -1 negative, 0 neutral, 1 positive, 2 very positive. Drawn as Mermaid score emotion + 3 (1..5).
   */
  emotion?: number;
  /**
   * Friction the customer meets here.
   */
  pain_points?: string[];
  /**
   * Improvements that answer the pain points or lift the emotion.
   */
  opportunities?: string[];
  /**
   * Team accountable for this touchpoint.
   */
  owner?: string;
  /**
   * Kind of content offered: educational (helps understand the need), product (shows the offer), transactional (completes a step), support (helps use the product).
   */
  content?: 'educational' | 'product' | 'transactional' | 'support';
  /**
   * What the touchpoint is for, as tags that lint rules read before any wording.
   */
  purpose?: (
    | 'education'
    | 'inspiration'
    | 'comparison'
    | 'promotion'
    | 'transaction'
    | 'onboarding'
    | 'support'
    | 'feedback'
    | 'loyalty'
    | 'retention'
    | 'review'
    | 'referral'
    | 'community'
  )[];
  /**
   * Ids of KPIs (of this map) that measure this touchpoint.
   */
  kpis?: Id[];
}
