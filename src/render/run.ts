import { basename, join } from 'node:path';
import { CliError, EXIT } from '../cli/errors.js';
import { emit, guardOutput, writeStdout } from '../cli/io.js';
import { expandInputs } from '../load/index.js';
import type { JourneyMap } from '../model/journey.js';
import { loadAndValidate } from '../pipeline.js';
import { useColor } from '../report/terminal.js';
import { loadFormatter } from '../report/formatters/index.js';
import { safeForTerminal } from '../report/terminal.js';
import type { FileReport } from '../report/types.js';
import { didYouMean } from '../util/suggest.js';
import { findBrowser } from './browser/find.js';
import { imageStackProblem } from './image-stack.js';
import { CANVAS_FORMATS, loadCanvas } from './canvas.js';
import { FORMAT_NAMES, FORMATS, formatFromFileName, isFormat, type Diagram, type Format } from './formats.js';
import type { ImageFormat, MermaidImages } from './images.js';
import { loadRenderer } from './renderers/index.js';
import { DEFAULT_COLUMNS } from './renderers/table.js';
import type { DeckMap, TextRenderer, TextRenderOptions, Theme } from './types.js';
import { selectView } from './view.js';
import { BrandThemes } from './brand-theme.js';

export interface RenderOptions {
  format?: string;
  output?: string;
  out?: string;
  diagram?: Diagram;
  persona?: string;
  phase?: string;
  groupBy?: 'phase' | 'channel';
  kpis?: boolean;
  rows?: boolean;
  theme?: Theme;
  background?: string;
  scale?: number;
  width?: number;
  slide?: '16:9' | '4:3';
  browserPath?: string;
  /** One PowerPoint deck of every map, written to this file. */
  deck?: string;
}

/** Formats several maps can share one standard output in, one after the other. */
const CONCATENABLE: ReadonlySet<Format> = new Set(['table', 'markdown']);

/** A CSS colour as `--background` accepts it: a name, a hex code or a functional notation. */
const CSS_COLOUR = /^(?:[a-z]+|#[0-9a-f]{3,8}|(?:rgb|rgba|hsl|hsla|hwb|lab|lch|oklab|oklch)\([0-9a-z.,%/+\s-]*\))$/i;

interface Plan {
  format: Format;
  diagram: Diagram;
}

interface Job {
  file: string;
  map: JourneyMap;
  /** The map before --persona/--phase, for the canvas, which filters itself. */
  original: JourneyMap;
  target?: string;
}

/** Signal numbers for the conventional 128 + n exit status of an interrupted run. */
const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * `journey render`: turns maps into diagrams, tables and reports. Invalid maps are reported (exit
 * 1) and the others still render; a user mistake is one line and exit 2. Images of a run share one
 * browser, closed on every path, Ctrl-C included.
 */
export async function runRender(paths: string[], options: RenderOptions): Promise<number> {
  if (options.deck !== undefined) {
    if (options.output || options.out) throw new CliError('--deck writes one deck of every map: use it without -o and --out');
    if (options.format !== undefined && options.format !== 'pptx') throw new CliError(`--deck writes a PowerPoint deck, not ${options.format}`);
    if (formatFromFileName(options.deck) !== 'pptx') throw new CliError(`--deck takes a .pptx file name, not ${options.deck}`);
  }
  const plan = resolvePlan(options.deck !== undefined ? { ...options, format: 'pptx' } : options);
  if (options.output && options.out) throw new CliError('use either -o <file> (one map) or --out <dir> (one file per map), not both');
  if (options.background !== undefined && !CSS_COLOUR.test(options.background.trim())) {
    throw new CliError(`"${options.background}" is not a colour for --background: use transparent, white, a CSS colour name or a #hex code`);
  }

  const { files, missing } = await expandInputs(paths);
  for (const m of missing) process.stderr.write(`journey: ${safeForTerminal(m)}: no such file, directory or matching pattern\n`);
  if (files.length === 0) {
    if (missing.length > 0) return EXIT.usage;
    throw new CliError(`no journey maps (.yaml or .yml files) found in ${paths.join(', ')}`);
  }
  const spec = FORMATS[plan.format];
  if (options.output && files.length > 1) {
    throw new CliError(`-o writes one file but ${files.length} maps were given: use --out <dir> to write one file per map`);
  }
  if (!options.output && !options.out && !options.deck && files.length > 1 && !CONCATENABLE.has(plan.format)) {
    const deck = plan.format === 'pptx' ? ', or --deck <file>.pptx for one deck of them all' : '';
    throw new CliError(`${files.length} maps were given: use --out <dir> to write one ${plan.format} file per map${deck}`);
  }
  if (!options.output && !options.out && !options.deck && spec.binary && process.stdout.isTTY) {
    throw new CliError(`${plan.format.toUpperCase()} is binary: write it to a file with -o <file>.${spec.extension} or redirect standard output`);
  }
  if (options.deck) guardOutput(options.deck, files);
  const targets = files.map((file) => (options.deck ? undefined : targetFor(file, plan.format, options)));
  const taken = new Map<string, string>();
  targets.forEach((target, i) => {
    if (!target) return;
    guardOutput(target, files);
    const other = taken.get(target);
    if (other) throw new CliError(`${other} and ${files[i]} would both be written to ${target}: render them separately`);
    taken.set(target, files[i]!);
  });

  let exit: number = missing.length > 0 ? EXIT.usage : EXIT.ok;
  const invalid: FileReport[] = [];
  const jobs: Job[] = [];
  for (const [i, file] of files.entries()) {
    const checked = await loadAndValidate(file);
    if (!checked.map) {
      invalid.push(checked.report);
      const io = checked.report.diagnostics.some((d) => d.ruleId === 'io');
      exit = Math.max(exit, io ? EXIT.usage : EXIT.findings);
      continue;
    }
    const view = selectView(checked.map, { persona: options.persona, phase: options.phase });
    if ('error' in view) {
      process.stderr.write(`journey: ${safeForTerminal(checked.report.file)}: ${safeForTerminal(view.error)}\n`);
      exit = EXIT.usage;
      continue;
    }
    jobs.push({ file: checked.report.file, map: view.map, original: checked.map, target: targets[i] });
  }
  if (invalid.length > 0) {
    const stylish = (await loadFormatter('stylish'))!;
    process.stderr.write(stylish(invalid, { color: useColor(process.stderr), codeFrame: true, toolName: 'journey render' }));
  }
  if (jobs.length === 0) return exit;
  return Math.max(exit, await renderJobs(jobs, plan, options));
}

/** The format and diagram a run produces, from --format, -o's extension and --diagram. */
export function resolvePlan(options: Pick<RenderOptions, 'format' | 'output' | 'diagram'>): Plan {
  let format: Format | undefined;
  if (options.format !== undefined) {
    if (!isFormat(options.format)) {
      throw new CliError(`unknown format "${options.format}"${didYouMean(options.format, FORMAT_NAMES)} (formats: ${FORMAT_NAMES.join(', ')})`);
    }
    format = options.format;
  }
  if (options.output && options.output !== '-') {
    const implied = formatFromFileName(options.output);
    if (!format && !implied) throw new CliError(`cannot tell the format from the name ${options.output}: add --format <${FORMAT_NAMES.join('|')}>`);
    const compatible = !implied || implied === format || (implied === 'mermaid' && format === 'flowchart');
    if (format && !compatible) {
      const hint = format === 'flowchart' && implied && ['svg', 'png', 'pdf'].includes(implied) ? ` (to draw the flowchart as ${implied.toUpperCase()}, use --diagram flowchart)` : '';
      throw new CliError(`--format ${format} does not match the extension of ${options.output}${hint}`);
    }
    format ??= implied;
  }
  format ??= 'mermaid';
  if (format === 'pptx') {
    // A deck is the canvas drawn as native shapes, with tables around it.
    if (options.diagram !== undefined && options.diagram !== 'canvas') throw new CliError(`a PowerPoint deck draws the canvas, not the ${options.diagram} diagram`);
    return { format, diagram: 'canvas' };
  }
  const diagram: Diagram = options.diagram ?? (format === 'flowchart' ? 'flowchart' : format === 'html' ? 'canvas' : 'journey');
  if (format === 'flowchart' && diagram !== 'flowchart') throw new CliError(`--format flowchart draws the flowchart, not the ${diagram} diagram`);
  if (diagram === 'canvas' && !(CANVAS_FORMATS as readonly string[]).includes(format)) {
    throw new CliError(`the canvas diagram is drawn as ${CANVAS_FORMATS.join(', ')}, not ${format}`);
  }
  if (format === 'html' && diagram !== 'canvas') throw new CliError('HTML is drawn by the canvas diagram: use --diagram canvas');
  return { format: format === 'mermaid' && diagram === 'flowchart' ? 'flowchart' : format, diagram };
}

function targetFor(file: string, format: Format, options: RenderOptions): string | undefined {
  if (options.output && options.output !== '-') return options.output;
  if (!options.out) return undefined;
  const name = file === '-' ? 'stdin' : basename(file).replace(/\.ya?ml$/i, '');
  return join(options.out, `${name}.${FORMATS[format].extension}`);
}

async function renderJobs(jobs: Job[], plan: Plan, options: RenderOptions): Promise<number> {
  const textOptions: TextRenderOptions = {
    columns: process.stdout.isTTY && !options.output && !options.out ? (process.stdout.columns ?? DEFAULT_COLUMNS) : DEFAULT_COLUMNS,
    rows: options.rows,
    groupBy: options.groupBy,
    kpis: options.kpis,
    theme: options.theme,
    diagram: plan.diagram === 'flowchart' ? 'flowchart' : 'journey',
    color: !options.output && !options.out && useColor(process.stdout),
  };
  const progress = Boolean(process.stderr.isTTY) && jobs.length > 1 && jobs.every((j) => j.target);
  const say = (line: string) => process.stderr.write(`${progress ? '\r\x1b[2K' : ''}${line}\n`);
  const stdout: Array<string | Uint8Array> = [];
  let exit: number = EXIT.ok;

  const mermaidImages = (['svg', 'png', 'pdf'] as string[]).includes(plan.format) && plan.diagram !== 'canvas';
  const brandThemes = new BrandThemes();
  let images: MermaidImages | undefined;
  let interrupted: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) process.exit(SIGNAL_EXIT[signal] ?? EXIT.usage);
    interrupted = signal;
    // Killing the browser makes the diagram being drawn fail at once; nothing more is written.
    images?.kill();
    setTimeout(() => process.exit(SIGNAL_EXIT[signal] ?? EXIT.usage), 5000).unref();
  };
  if (mermaidImages) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  try {
    if (mermaidImages) {
      const problem = imageStackProblem();
      if (problem) throw new CliError(problem);
      const found = findBrowser({ explicit: options.browserPath });
      if ('error' in found) throw new CliError(found.error);
      const { MermaidImages } = await import('./images.js');
      try {
        images = await MermaidImages.open(found.path, { trace: process.env.JOURNEYKIT_TRACE === '1' });
      } catch (error) {
        // Interrupted while it started: the run ends below, as every interrupted run does.
        if (!interrupted) throw new CliError(`cannot start the browser at ${found.path}: ${firstLine(error)}`);
      }
    }
    if (plan.format === 'pptx') return await renderDecks(jobs, options, brandThemes, say);
    const renderer = plan.diagram === 'canvas' ? undefined : ((await loadRenderer(mermaidImages ? (plan.diagram === 'flowchart' ? 'flowchart' : 'mermaid') : plan.format)) as TextRenderer);
    // A canvas PNG is drawn and compressed outside the main thread: the next maps' are started
    // while this one's ends (canvas/png.ts says how many, and bounds the memory this takes).
    const ahead = plan.diagram === 'canvas' && plan.format === 'png' ? (await loadCanvas()).pngsAtOnce() : 1;
    const drawing = new Map<number, Promise<Drawn>>();
    const draw = async (job: Job): Promise<Drawn> => {
      try {
        if (plan.diagram === 'canvas') {
          const { renderCanvas } = await loadCanvas();
          return {
            output: await renderCanvas(job.original, {
              format: plan.format as 'svg' | 'png' | 'html',
              slide: options.slide,
              scale: options.scale,
              // --theme wins; Mermaid's theme names map onto the canvas's light and dark. Without
              // it, the brand theme of the nearest configuration file, if it has one.
              theme: options.theme === undefined ? await brandThemes.themeFor(job.file) : options.theme === 'dark' ? 'dark' : 'light',
              persona: options.persona,
              phase: options.phase,
            }),
          };
        }
        if (images) {
          const definition = renderer!.render(job.map, { ...textOptions, theme: undefined });
          return {
            output: await images.render(definition, plan.format as ImageFormat, {
              theme: options.theme ?? 'default',
              background: options.background?.trim() ?? 'white',
              scale: options.scale ?? 1,
              width: options.width,
            }),
          };
        }
        const output = renderer!.render(job.map, textOptions);
        return { output: plan.format === 'csv' && job.target ? `\uFEFF${output}` : output };
      } catch (error) {
        return { error };
      }
    };
    for (const [i, job] of jobs.entries()) {
      if (interrupted) break;
      if (progress) process.stderr.write(`\r\x1b[2K[${i + 1}/${jobs.length}] ${safeForTerminal(job.file)}`);
      for (let next = i; next < Math.min(jobs.length, i + ahead); next++) if (!drawing.has(next)) drawing.set(next, draw(jobs[next]!));
      const drawn = await drawing.get(i)!;
      drawing.delete(i);
      if ('error' in drawn) {
        if (interrupted) break;
        if (drawn.error instanceof CliError) throw drawn.error;
        say(`journey: ${safeForTerminal(job.file)}: cannot draw the diagram: ${safeForTerminal(firstLine(drawn.error))}`);
        exit = EXIT.usage;
        continue;
      }
      const output = drawn.output;
      if (interrupted) break;
      if (!job.target) {
        stdout.push(output);
        continue;
      }
      try {
        await emit(output, job.target, jobs.map((j) => j.file));
      } catch (error) {
        // One file that cannot be written does not stop the others.
        if (!(error instanceof CliError)) throw error;
        say(`journey: ${safeForTerminal(error.message)}`);
        exit = EXIT.usage;
      }
    }
  } finally {
    if (progress) process.stderr.write('\r\x1b[2K');
    await images?.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  if (interrupted) {
    process.stderr.write('journey: interrupted\n');
    return SIGNAL_EXIT[interrupted] ?? EXIT.usage;
  }
  for (const [i, chunk] of stdout.entries()) await writeStdout(i > 0 && typeof chunk === 'string' ? `\n${chunk}` : chunk);
  return exit;
}

/**
 * PowerPoint decks: one per map (`-o`, `--out`, standard output), or one of every map (`--deck`).
 * A map whose deck cannot be made is one line and exit 2; the other decks are still written.
 */
async function renderDecks(jobs: Job[], options: RenderOptions, brandThemes: BrandThemes, say: (line: string) => void): Promise<number> {
  const renderer = (await loadRenderer('pptx'))!;
  const deckOptions = { slide: options.slide, persona: options.persona, phase: options.phase };
  const entry = async (job: Job): Promise<DeckMap> => ({
    map: job.original,
    theme: options.theme === undefined ? await brandThemes.themeFor(job.file) : options.theme === 'dark' ? 'dark' : 'light',
  });
  if (options.deck) {
    const maps: DeckMap[] = [];
    for (const job of jobs) maps.push(await entry(job));
    let bytes: Uint8Array;
    try {
      bytes = await renderer.render(maps, deckOptions);
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`cannot make the deck: ${safeForTerminal(firstLine(error))}`);
    }
    await emit(bytes, options.deck, jobs.map((j) => j.file));
    return EXIT.ok;
  }
  let exit: number = EXIT.ok;
  for (const job of jobs) {
    let bytes: Uint8Array;
    try {
      bytes = await renderer.render([await entry(job)], deckOptions);
    } catch (error) {
      if (error instanceof CliError) throw error;
      say(`journey: ${safeForTerminal(job.file)}: cannot make the deck: ${safeForTerminal(firstLine(error))}`);
      exit = EXIT.usage;
      continue;
    }
    if (!job.target) {
      await writeStdout(bytes);
      continue;
    }
    try {
      await emit(bytes, job.target, jobs.map((j) => j.file));
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      say(`journey: ${safeForTerminal(error.message)}`);
      exit = EXIT.usage;
    }
  }
  return exit;
}

/** A diagram drawn for one map, or why it could not be. */
type Drawn = { output: string | Uint8Array } | { error: unknown };

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').find((l) => l.trim())?.trim() ?? 'unknown error';
}
