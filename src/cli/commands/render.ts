import { InvalidArgumentError, Option, type Command } from 'commander';

// Names only: the render module, Mermaid and the browser are loaded when the command runs.
const FORMATS = ['mermaid', 'flowchart', 'table', 'markdown', 'csv', 'svg', 'png', 'pdf', 'html', 'pptx'];
const THEMES = ['default', 'neutral', 'dark', 'forest'];

export function register(program: Command): void {
  program
    .command('render')
    .description('draw journey maps as Mermaid diagrams, tables, Markdown reports, CSV, images or PowerPoint decks')
    .argument('<maps...>', 'files, directories or glob patterns; - reads standard input')
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')} (default: mermaid, or from -o's extension)`)
    .option('-o, --output <file>', 'write to this file (the format follows its extension) instead of standard output')
    .option('--out <dir>', 'write one file per map into this directory')
    .option('--deck <file>', 'write one PowerPoint deck of every map to this .pptx file')
    .addOption(new Option('--diagram <kind>', 'diagram drawn by mermaid, markdown and image formats').choices(['journey', 'flowchart', 'canvas']))
    .option('--persona <id>', "draw one persona's journey")
    .option('--phase <id>', 'draw one phase')
    .addOption(new Option('--group-by <what>', 'flowchart subgraphs').choices(['phase', 'channel']).default('phase'))
    .option('--kpis', 'flowchart: show KPIs')
    .option('--rows', 'tables: phases as rows instead of columns')
    .addOption(new Option('--theme <name>', 'Mermaid theme').choices(THEMES))
    .option('--background <colour>', 'image background: transparent, white or a CSS colour (default: white)')
    .option('--scale <n>', 'PNG pixels per CSS pixel, e.g. 2 for slides (default: 1)', positive('--scale', 10))
    .option('--width <px>', 'largest image width in CSS pixels; wider diagrams shrink to fit', positive('--width', 20000))
    .addOption(new Option('--slide <ratio>', 'canvas and decks: slide format (decks: 16:9 by default)').choices(['16:9', '4:3']))
    .option('--browser-path <path>', 'Chrome, Chromium or Edge executable for images (or JOURNEYKIT_BROWSER)')
    .action(async (maps: string[], options: Record<string, unknown>) => {
      const { runRender } = await import('../../render/run.js');
      process.exitCode = await runRender(maps, options);
    });
}

function positive(flag: string, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0 || n > max) throw new InvalidArgumentError(`${flag} takes a number above 0 and at most ${max}`);
    return n;
  };
}
