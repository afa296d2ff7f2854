import { emotionToMermaidScore, touchpointPersonas, type JourneyMap, type Touchpoint } from '../../model/journey.js';
import { diagramText, mermaidLineStart, mermaidText } from '../escape/mermaid.js';
import type { TextRenderer, TextRenderOptions } from '../types.js';
import { wrapWords } from '../wrap.js';
import { frontmatter } from './mermaid-config.js';

/** Score of a touchpoint whose emotion is not recorded: the neutral middle of Mermaid's 1..5 scale. */
export const UNKNOWN_EMOTION_SCORE = 3;

/** Label of the stand-in task that keeps a phase without touchpoints visible (Mermaid draws a section only through its tasks). */
export const EMPTY_PHASE_TASK = '(no touchpoints)';

// Mermaid lays a journey out at fixed heights: sections at y=50, tasks below them at twice the
// box height, the timeline at four times it and the faces from y=285 down. Boxes can therefore
// grow to 70 px (three lines of text) at most; past that, they grow wider instead (up to twice
// the default 150 px). About one character per 7.5 px fits on a line.
const TASK_GAP = 50;
const SIZES: ReadonlyArray<{ width: number; height: number }> = [
  { width: 150, height: 50 },
  { width: 150, height: 70 },
  { width: 200, height: 70 },
  { width: 250, height: 70 },
  { width: 300, height: 70 },
];
const DEFAULT_SIZE = SIZES[0]!;

export function taskScore(touchpoint: Touchpoint): number {
  return touchpoint.emotion === undefined ? UNKNOWN_EMOTION_SCORE : emotionToMermaidScore(touchpoint.emotion);
}

/**
 * Mermaid `journey` source: one section per phase, one task per touchpoint scored emotion + 3,
 * the personas concerned as actors, and an accessible title and description.
 */
export function renderJourney(map: JourneyMap, options: TextRenderOptions = {}): string {
  const lines: string[] = ['journey', `  title ${mermaidText(map.title)}`, `  accTitle: ${mermaidText(map.title)}`];
  lines.push(`  accDescr: ${mermaidText(map.description ?? describe(map))}`);
  for (const phase of map.phases) {
    lines.push(`  section ${mermaidText(phase.name)}`);
    const touchpoints = phase.touchpoints ?? [];
    if (touchpoints.length === 0) {
      lines.push(`    ${EMPTY_PHASE_TASK}: ${UNKNOWN_EMOTION_SCORE}`);
      continue;
    }
    for (const touchpoint of touchpoints) {
      const actors = touchpointPersonas(map, touchpoint).map((p) => mermaidText(p.name));
      const task = `    ${mermaidLineStart(touchpoint.name)}: ${taskScore(touchpoint)}`;
      lines.push(actors.length > 0 ? `${task}: ${actors.join(', ')}` : task);
    }
  }
  const size = boxSize(map);
  const config: Record<string, unknown> = {};
  if (size !== DEFAULT_SIZE) config.journey = size;
  return frontmatter(config, options.theme) + lines.join('\n') + '\n';
}

/**
 * The smallest box size whose wrapped labels all fit: two lines in the default box, three in a
 * taller one, then wider boxes. A label too long even for the largest box overflows it.
 */
export function boxSize(map: JourneyMap): { width: number; height: number } {
  const fits = ({ width, height }: { width: number; height: number }) =>
    map.phases.every((phase) => {
      const tasks = Math.max(1, phase.touchpoints?.length ?? 0);
      const maxLines = height >= 70 ? 3 : 2;
      const sectionWidth = tasks * width + (tasks - 1) * TASK_GAP;
      return (
        lineCount(phase.name, sectionWidth) <= maxLines &&
        (phase.touchpoints ?? []).every((t) => lineCount(t.name, width) <= maxLines)
      );
    });
  return SIZES.find(fits) ?? SIZES[SIZES.length - 1]!;
}

function lineCount(text: string, boxWidth: number): number {
  return wrapWords(diagramText(text), Math.floor((boxWidth - 12) / 7.5)).length;
}

function describe(map: JourneyMap): string {
  const touchpoints = map.phases.reduce((n, p) => n + (p.touchpoints?.length ?? 0), 0);
  return `Customer journey in ${map.phases.length} phase${map.phases.length === 1 ? '' : 's'} and ${touchpoints} touchpoint${touchpoints === 1 ? '' : 's'}: ${map.phases.map((p) => p.name).join(', ')}`;
}

const renderer: TextRenderer = {
  name: 'mermaid',
  description: 'Mermaid journey diagram source',
  extension: 'mmd',
  render: renderJourney,
};
export default renderer;
