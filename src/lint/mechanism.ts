import type { JourneyMap, LifecycleStage, Phase } from '../model/journey.js';
import { phasesAt } from './helpers.js';
import { hasSignal, METRICS_THAT_COLLECT_FEEDBACK, type Signal } from './words.js';

/**
 * The question behind the rules that look for a mechanism in a stage (feedback in usage, loyalty
 * in retention, reviews or referrals in advocacy): does any touchpoint of these stages have one
 * of these signals? Returns the first phase of the stages when none does, and nothing when the
 * map has no touchpoint in those stages (a missing stage or an empty phase is another rule's).
 */
export function phaseLackingSignal(
  map: JourneyMap,
  stages: readonly LifecycleStage[],
  signals: readonly Signal[],
): { phase: Phase; index: number } | undefined {
  const phases = phasesAt(map, stages);
  const list = phases.flatMap(({ phase }) => phase.touchpoints ?? []);
  if (list.length === 0) return undefined;
  if (list.some((touchpoint) => signals.some((signal) => hasSignal(map, touchpoint, signal)))) return undefined;
  // A satisfaction indicator on the phase itself means someone asks customers for feedback.
  if (signals.includes('feedback') && phases.some(({ phase }) => phase.kpis?.some((k) => METRICS_THAT_COLLECT_FEEDBACK.includes(k.metric)))) {
    return undefined;
  }
  return phases[0];
}

/** "the usage stage", "the onboarding and usage stages". */
export function describeStages(stages: readonly LifecycleStage[]): string {
  if (stages.length === 1) return `the ${stages[0]!} stage`;
  return `the ${stages.slice(0, -1).join(', ')} and ${stages.at(-1)!} stages`;
}
