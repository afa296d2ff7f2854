import type { Rule } from '../types.js';
import journeyWithoutObjectives from './journey-without-objectives.js';
import journeyWithoutOwner from './journey-without-owner.js';
import postPurchaseCoverage from './post-purchase-coverage.js';
import lifecycleStageMissing from './lifecycle-stage-missing.js';
import lifecycleStageOrder from './lifecycle-stage-order.js';
import journeyTooLong from './journey-too-long.js';
import singleChannel from './single-channel.js';
import digitalOnly from './digital-only.js';
import emptyPhase from './empty-phase.js';
import phaseWithoutKpi from './phase-without-kpi.js';
import phaseWithoutCustomerGoal from './phase-without-customer-goal.js';
import tooFewTouchpoints from './too-few-touchpoints.js';
import tooManyTouchpoints from './too-many-touchpoints.js';
import awarenessProductCentric from './awareness-product-centric.js';
import awarenessWithoutEducation from './awareness-without-education.js';
import usageWithoutFeedback from './usage-without-feedback.js';
import retentionWithoutLoyalty from './retention-without-loyalty.js';
import advocacyWithoutReviewOrReferral from './advocacy-without-review-or-referral.js';
import kpiWithoutTarget from './kpi-without-target.js';
import kpiWithoutOwner from './kpi-without-owner.js';
import kpiWithoutMeasure from './kpi-without-measure.js';
import kpiBelowTarget from './kpi-below-target.js';
import touchpointWithoutChannel from './touchpoint-without-channel.js';
import touchpointWithoutOwner from './touchpoint-without-owner.js';
import touchpointWithoutEmotion from './touchpoint-without-emotion.js';
import touchpointWithoutPersona from './touchpoint-without-persona.js';
import painPointWithoutOpportunity from './pain-point-without-opportunity.js';
import lowEmotionWithoutOpportunity from './low-emotion-without-opportunity.js';
import noPersonas from './no-personas.js';
import personaUnused from './persona-unused.js';
import personaNotPrioritised from './persona-not-prioritised.js';
import personaIncomplete from './persona-incomplete.js';
import personaWithoutResearch from './persona-without-research.js';

/**
 * Every lint rule, in the order `journey rules` lists them: the journey as a whole, its phases and
 * stages, KPIs, touchpoints, then personas. Adding a rule is adding its file and one line here.
 */
export const RULES: readonly Rule<object>[] = [
  journeyWithoutObjectives,
  journeyWithoutOwner,
  postPurchaseCoverage,
  lifecycleStageMissing,
  lifecycleStageOrder,
  journeyTooLong,
  singleChannel,
  digitalOnly,
  emptyPhase,
  phaseWithoutKpi,
  phaseWithoutCustomerGoal,
  tooFewTouchpoints,
  tooManyTouchpoints,
  awarenessProductCentric,
  awarenessWithoutEducation,
  usageWithoutFeedback,
  retentionWithoutLoyalty,
  advocacyWithoutReviewOrReferral,
  kpiWithoutTarget,
  kpiWithoutOwner,
  kpiWithoutMeasure,
  kpiBelowTarget,
  touchpointWithoutChannel,
  touchpointWithoutOwner,
  touchpointWithoutEmotion,
  touchpointWithoutPersona,
  painPointWithoutOpportunity,
  lowEmotionWithoutOpportunity,
  noPersonas,
  personaUnused,
  personaNotPrioritised,
  personaIncomplete,
  personaWithoutResearch,
];
