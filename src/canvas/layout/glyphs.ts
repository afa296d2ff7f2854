import type { KpiStatus } from '../../model/journey.js';
import type { ThemeColors } from '../theme.js';
import { num } from './numbers.js';
import type { Shape } from './scene.js';

/**
 * Small vector pictograms. They are drawn, not typed, so they look the same in every viewer and
 * need no emoji font; each pairs a shape with its colour, so colour is never the only cue.
 */

/** A face whose mouth bends with the emotion (−2 … +2); its fill repeats the emotion's colour. */
export function face(cx: number, cy: number, r: number, emotion: number, colors: ThemeColors, ring: string): Shape {
  const k = r / 11;
  const eyeY = cy - 3 * k;
  const mouthY = cy + (emotion < 0 ? 5.5 : 3.5) * k;
  const bend = emotion * 2.6 * k;
  const half = (emotion === 0 ? 4.5 : 5.2) * k;
  return {
    kind: 'group',
    name: 'face',
    children: [
      { kind: 'circle', cx, cy, r, fill: colors.emotions[emotion + 2]!, stroke: ring, strokeWidth: 2 },
      { kind: 'circle', cx: cx - 3.8 * k, cy: eyeY, r: 1.5 * k, fill: colors.faceInk },
      { kind: 'circle', cx: cx + 3.8 * k, cy: eyeY, r: 1.5 * k, fill: colors.faceInk },
      {
        kind: 'path',
        d: `M${num(cx - half)} ${num(mouthY)}Q${num(cx)} ${num(mouthY + bend)} ${num(cx + half)} ${num(mouthY)}`,
        stroke: colors.faceInk,
        strokeWidth: 1.6 * k,
        linecap: 'round',
      },
    ],
  };
}

/** A round badge with a tick, a cross or a dash. */
export function statusIcon(cx: number, cy: number, status: KpiStatus, colors: ThemeColors, ink: string): Shape {
  const r = 6.5;
  const mark =
    status === 'met'
      ? `M${num(cx - 3)} ${num(cy + 0.2)}L${num(cx - 0.9)} ${num(cy + 2.4)}L${num(cx + 3.2)} ${num(cy - 2.3)}`
      : status === 'missed'
        ? `M${num(cx - 2.4)} ${num(cy - 2.4)}L${num(cx + 2.4)} ${num(cy + 2.4)}M${num(cx + 2.4)} ${num(cy - 2.4)}L${num(cx - 2.4)} ${num(cy + 2.4)}`
        : `M${num(cx - 2.8)} ${num(cy)}L${num(cx + 2.8)} ${num(cy)}`;
  return {
    kind: 'group',
    name: `status-${status}`,
    children: [
      { kind: 'circle', cx, cy, r, fill: colors.status[status] },
      { kind: 'path', d: mark, stroke: ink, strokeWidth: 1.7, linecap: 'round', linejoin: 'round' },
    ],
  };
}

/** Circle for digital, square for physical, diamond for human channels, ring for undeclared ones. */
export function channelMarker(cx: number, cy: number, type: keyof ThemeColors['channelTypes'], colors: ThemeColors): Shape {
  const fill = colors.channelTypes[type];
  switch (type) {
    case 'digital':
      return { kind: 'circle', cx, cy, r: 4, fill };
    case 'physical':
      return { kind: 'rect', x: cx - 3.6, y: cy - 3.6, width: 7.2, height: 7.2, rx: 1, fill };
    case 'human':
      return { kind: 'path', d: `M${num(cx)} ${num(cy - 4.8)}L${num(cx + 4.8)} ${num(cy)}L${num(cx)} ${num(cy + 4.8)}L${num(cx - 4.8)} ${num(cy)}Z`, fill };
    default:
      return { kind: 'circle', cx, cy, r: 3.4, stroke: fill, strokeWidth: 1.4 };
  }
}

/** A warning triangle with its exclamation mark. */
export function painBullet(cx: number, cy: number, colors: ThemeColors, ink: string): Shape {
  return {
    kind: 'group',
    name: 'pain',
    children: [
      { kind: 'path', d: `M${num(cx)} ${num(cy - 5.6)}L${num(cx + 6)} ${num(cy + 4.6)}L${num(cx - 6)} ${num(cy + 4.6)}Z`, fill: colors.pain, linejoin: 'round', stroke: colors.pain, strokeWidth: 1 },
      { kind: 'path', d: `M${num(cx)} ${num(cy - 2)}L${num(cx)} ${num(cy + 1)}M${num(cx)} ${num(cy + 3)}L${num(cx)} ${num(cy + 3.1)}`, stroke: ink, strokeWidth: 1.4, linecap: 'round' },
    ],
  };
}

/** A round badge with a plus sign. */
export function opportunityBullet(cx: number, cy: number, colors: ThemeColors, ink: string): Shape {
  return {
    kind: 'group',
    name: 'opportunity',
    children: [
      { kind: 'circle', cx, cy, r: 5.6, fill: colors.opportunity },
      { kind: 'path', d: `M${num(cx - 2.8)} ${num(cy)}L${num(cx + 2.8)} ${num(cy)}M${num(cx)} ${num(cy - 2.8)}L${num(cx)} ${num(cy + 2.8)}`, stroke: ink, strokeWidth: 1.5, linecap: 'round' },
    ],
  };
}

/** Dash patterns that tell persona curves apart without relying on their colours. */
export const PERSONA_DASHES = ['', '9 5', '2.5 4.5', '12 4 3 4', '6 3', '1.5 3'];
