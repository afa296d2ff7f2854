/**
 * A mistake in what the canvas was asked to draw (unknown lane, persona or phase, bad theme,
 * unreadable font file, an image too large to rasterise). Its message is one sentence meant for
 * the person who typed the command; callers turn it into their own one-line error.
 */
export class CanvasError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CanvasError';
  }
}
