import { WELL_KNOWN_CHANNELS, type JourneyMap } from '../model/journey.js';
import { toPointer, type PathSegment } from '../load/locate.js';
import { didYouMean } from '../util/suggest.js';

export interface ReferenceProblem {
  pointer: string;
  message: string;
}

const WELL_KNOWN_IDS = WELL_KNOWN_CHANNELS.map((c) => c.id);

/** Comparisons of unknown ids with known ones, for "did you mean", in one map. */
export const MAX_SUGGESTION_COMPARISONS = 200_000;

/**
 * Checks what a schema cannot: ids are unique across the whole map, and every persona, channel
 * and KPI a touchpoint names exists. Runs on a map that already follows the schema.
 */
export function checkReferences(map: JourneyMap, where: (path: PathSegment[]) => string = toPointer): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const owners = new Map<string, { kind: string; path: PathSegment[] }>();
  const declare = (kind: string, id: string, path: PathSegment[]) => {
    const first = owners.get(id);
    if (first) {
      const other = first.kind === kind ? `another ${kind}` : `a ${first.kind}`;
      problems.push({ pointer: toPointer([...path, 'id']), message: `duplicate id \`${id}\`: already used by ${other} (${where(first.path)})` });
    } else {
      owners.set(id, { kind, path });
    }
  };

  map.personas?.forEach((p, i) => declare('persona', p.id, ['personas', i]));
  map.channels?.forEach((c, i) => declare('channel', c.id, ['channels', i]));
  map.kpis?.forEach((k, i) => declare('KPI', k.id, ['kpis', i]));
  map.phases.forEach((phase, pi) => {
    declare('phase', phase.id, ['phases', pi]);
    phase.kpis?.forEach((k, ki) => declare('KPI', k.id, ['phases', pi, 'kpis', ki]));
    phase.touchpoints?.forEach((t, ti) => declare('touchpoint', t.id, ['phases', pi, 'touchpoints', ti]));
  });

  const personaIds = (map.personas ?? []).map((p) => p.id);
  const channelIds = [...(map.channels ?? []).map((c) => c.id), ...WELL_KNOWN_IDS];
  const kpiIds = [...(map.kpis ?? []), ...map.phases.flatMap((p) => p.kpis ?? [])].map((k) => k.id);
  // Sets, so that a map with thousands of personas and touchpoints is checked in linear time.
  const personaSet = new Set(personaIds);
  const channelSet = new Set(channelIds);
  const kpiSet = new Set(kpiIds);
  // A suggestion compares the id with every candidate: worth it for a few mistakes among a few
  // ids, not for thousands among thousands. Past a budget of comparisons, the message names the id alone.
  let comparisons = 0;
  const suggest = (id: string, candidates: readonly string[]) => {
    comparisons += candidates.length;
    return comparisons <= MAX_SUGGESTION_COMPARISONS ? didYouMean(id, candidates) : '';
  };

  map.phases.forEach((phase, pi) => {
    phase.touchpoints?.forEach((t, ti) => {
      const base: PathSegment[] = ['phases', pi, 'touchpoints', ti];
      t.personas?.forEach((id, i) => {
        if (!personaSet.has(id)) {
          const known = personaIds.length ? suggest(id, personaIds) : '; the map declares no `personas`';
          problems.push({ pointer: toPointer([...base, 'personas', i]), message: `unknown persona \`${id}\`${known}` });
        }
      });
      if (t.channel !== undefined && !channelSet.has(t.channel)) {
        const hint = suggest(t.channel, channelIds) || '; declare it under `channels` or use a well-known channel id';
        problems.push({ pointer: toPointer([...base, 'channel']), message: `unknown channel \`${t.channel}\`${hint}` });
      }
      t.kpis?.forEach((id, i) => {
        if (!kpiSet.has(id)) {
          problems.push({ pointer: toPointer([...base, 'kpis', i]), message: `unknown KPI \`${id}\`${suggest(id, kpiIds)}` });
        }
      });
    });
  });
  return problems;
}
