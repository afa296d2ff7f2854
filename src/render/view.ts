import type { JourneyMap, Persona, Phase } from '../model/journey.js';
import { didYouMean } from '../util/suggest.js';

export interface ViewFilter {
  /** Only the touchpoints that concern this persona (and this persona among the actors). */
  persona?: string;
  /** Only this phase. */
  phase?: string;
}

export type ViewResult = { map: JourneyMap; persona?: Persona } | { error: string };

/**
 * The part of a map a render shows. `--persona` keeps the touchpoints that concern the persona
 * (those that list it, and those that list nobody and so concern everyone) and makes it the only
 * persona; `--phase` keeps one phase. The map itself is not changed.
 */
export function selectView(map: JourneyMap, filter: ViewFilter): ViewResult {
  let phases: Phase[] = map.phases;
  let persona: Persona | undefined;
  if (filter.phase !== undefined) {
    const phase = map.phases.find((p) => p.id === filter.phase);
    if (!phase) return { error: `no phase "${filter.phase}"${didYouMean(filter.phase, map.phases.map((p) => p.id))}` };
    phases = [phase];
  }
  if (filter.persona !== undefined) {
    const personas = map.personas ?? [];
    persona = personas.find((p) => p.id === filter.persona);
    if (!persona) {
      const known = personas.map((p) => p.id);
      return { error: `no persona "${filter.persona}"${known.length ? didYouMean(filter.persona, known) : ' (the map declares no personas)'}` };
    }
    const id = persona.id;
    phases = phases.map((phase) => ({
      ...phase,
      touchpoints: phase.touchpoints?.filter((t) => !t.personas || t.personas.length === 0 || t.personas.includes(id)),
    }));
  }
  if (filter.phase === undefined && filter.persona === undefined) return { map };
  // The filters never empty the phase list: a phase filter keeps the one phase it names.
  return { map: { ...map, phases: phases as JourneyMap['phases'], personas: persona ? [persona] : map.personas }, persona };
}
