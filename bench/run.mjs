// `npm run bench`: journeykit against its peers on this machine, in one run, written to
// docs/benchmarks.md. Each command runs several times after a warm-up; we report the median,
// the spread (min–max) and the ratios the project's targets are stated in.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, platform, release } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateMap, toYaml, writeCorpora } from './corpus.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const work = join(root, '.bench');
const bin = (name) => join(root, 'node_modules/.bin', name);
const journey = join(root, 'bin/journey.cjs');
const quick = process.argv.includes('--quick');
// `--only <section>` runs one section (one-map, many, big, mermaid, canvas, pptx) and prints its ratios
// without rewriting docs/benchmarks.md, which always holds a full run.
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
const SECTIONS = ['one-map', 'many', 'big', 'mermaid', 'canvas', 'pptx'];
if (only !== undefined && !SECTIONS.includes(only)) {
  console.error(`bench/run.mjs: --only takes one of ${SECTIONS.join(', ')}`);
  process.exit(2);
}
const wanted = (section) => only === undefined || only === section;
const skipped = { label: 'skipped', failure: 'not run' };
const RUNS = quick ? 3 : 10;
const hasGnuTime = existsSync('/usr/bin/time');

/** Runs a command `runs` times after one warm-up; returns wall times (s) and peak RSS (MiB). */
function measure(label, command, args, { runs = RUNS, ...spec } = {}) {
  return measureTogether([{ label, command, args, ...spec }], runs)[0];
}

/**
 * Runs commands in turn, one run of each per round, after one warm-up round: the machine's
 * slower and faster moments (a shared virtual machine has both) then fall on every command
 * alike, and the ratios between them hold better than with each command's runs in one block.
 */
function measureTogether(specs, runs = RUNS) {
  const state = specs.map((spec) => ({ ...spec, okCodes: spec.okCodes ?? [0, 1], env: spec.env ?? {}, times: [], rss: [], failure: undefined }));
  for (let i = 0; i <= runs; i++) {
    for (const s of state) {
      if (s.failure) continue;
      const argv = hasGnuTime ? ['-f', '%M', s.command, ...s.args] : s.args;
      const start = process.hrtime.bigint();
      const r = spawnSync(hasGnuTime ? '/usr/bin/time' : s.command, argv, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...s.env }, maxBuffer: 256 * 1024 * 1024 });
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (!s.okCodes.includes(r.status)) {
        s.failure = `exit ${r.status}: ${(r.stderr || '').trim().split('\n').slice(-2).join(' ')}`;
        continue;
      }
      if (i === 0) continue;
      s.times.push(seconds);
      if (hasGnuTime) s.rss.push(Number(r.stderr.trim().split('\n').pop() ?? '0') / 1024);
    }
  }
  return state.map(({ label, failure, times, rss }) => {
    if (failure) {
      console.log(`  ${label}: failed (${failure})`);
      return { label, failure };
    }
    const sorted = [...times].sort((a, b) => a - b);
    const result = { label, median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1), rss: rss.length ? Math.max(...rss) : undefined };
    console.log(`  ${label}: ${fmt(result)}`);
    return result;
  });
}

const fmt = (r) => (r.failure ? `failed (${r.failure})` : `${r.median.toFixed(3)} s (${r.min.toFixed(3)}–${r.max.toFixed(3)})${r.rss ? `, ${r.rss.toFixed(0)} MiB` : ''}`);
const ratio = (a, b) => (a.failure || b.failure ? 'n/a' : (a.median / b.median).toFixed(2));

function main() {
  const loadAtStart = loadavg()[0].toFixed(2);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const needsCorpus = only === undefined || ['one-map', 'many', 'big'].includes(only);
  if (needsCorpus) console.log('generating corpora…');
  const corpus = needsCorpus ? writeCorpora(join(work, 'corpus')) : undefined;
  const ruleset = join(work, 'ruleset.yaml');
  writeFileSync(ruleset, 'rules:\n  phase-has-kpi:\n    description: every phase has a KPI\n    given: "$.phases[*]"\n    severity: warn\n    then:\n      field: kpis\n      function: truthy\n');
  const schema = join(root, 'schemas/journey.schema.json');
  const ajvArgs = (data) => ['validate', '--spec=draft2020', '--strict=false', '-c', 'ajv-formats', '-s', schema, '-d', data];

  const rows = [];
  let [node0, validate1, lint1, ajv1, spectral1, lintMany, ajvMany, lintBig, renderMany, mmdc1, pptx1] = Array(11).fill(skipped);
  if (wanted('one-map')) {
    console.log('one typical map (6 phases, 30 touchpoints):');
    [node0, validate1, lint1, ajv1, spectral1] = measureTogether([
      { label: 'node -e 0', command: process.execPath, args: ['-e', '0'] },
      { label: 'journey validate', command: process.execPath, args: [journey, 'validate', corpus.typical] },
      { label: 'journey lint', command: process.execPath, args: [journey, 'lint', corpus.typical] },
      { label: 'ajv validate (ajv-cli)', command: bin('ajv'), args: ajvArgs(corpus.typical) },
      { label: 'spectral lint, one rule', command: bin('spectral'), args: ['lint', '-r', ruleset, corpus.typical] },
    ]);
    rows.push(
      ['`journey lint` one map vs `node -e 0`', ratio(lint1, node0), '≤ 2'],
      ['`journey validate` one map vs `node -e 0`', ratio(validate1, node0), '—'],
      ['`ajv validate` / `journey lint`, one map', ratio(ajv1, lint1), '≥ 2.5'],
      ['`spectral lint` / `journey lint`, one map', ratio(spectral1, lint1), '≥ 6'],
    );
  }

  if (wanted('many')) {
    console.log('1,000 maps:');
    [lintMany, ajvMany] = measureTogether(
      [
        { label: 'journey lint (1,000 maps)', command: process.execPath, args: [journey, 'lint', corpus.many] },
        { label: 'ajv validate (1,000 maps)', command: bin('ajv'), args: ajvArgs(join(corpus.many, '*.yaml')) },
      ],
      quick ? 1 : 5,
    );
    rows.push(['`ajv validate` / `journey lint`, 1,000 maps', ratio(ajvMany, lintMany), '≥ 5']);
  }

  if (wanted('big')) {
    console.log('one 10 MB map:');
    lintBig = measure('journey lint (10 MB map)', process.execPath, [journey, 'lint', corpus.big], { runs: quick ? 1 : 3 });
    rows.push(['`journey lint` 10 MB map: seconds', lintBig.failure ? 'n/a' : lintBig.median.toFixed(2), '< 3'], ['`journey lint` 10 MB map: peak MiB', lintBig.rss?.toFixed(0) ?? 'n/a', '< 400']);
  }

  if (wanted('mermaid')) {
    console.log('Mermaid images (20 diagrams):');
    const diagrams = join(work, 'diagrams');
    mkdirSync(diagrams, { recursive: true });
    for (let i = 0; i < 20; i++) writeFileSync(join(diagrams, `d${String(i).padStart(2, '0')}.journey.yaml`), toYaml(generateMap(500 + i, { phases: 4, perPhase: 3 })));
    const mmdIn = join(work, 'one.mmd');
    spawnSync(process.execPath, [journey, 'render', join(diagrams, 'd00.journey.yaml'), '-o', mmdIn], { cwd: root });
    const puppeteerConfig = join(work, 'puppeteer.json');
    writeFileSync(puppeteerConfig, JSON.stringify({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] }));
    renderMany = measure('journey render 20 diagrams → SVG, one run', process.execPath, [journey, 'render', diagrams, '--format', 'svg', '--out', join(work, 'svg')], { runs: quick ? 1 : 3 });
    mmdc1 = measure('mmdc, one diagram → SVG', bin('mmdc'), ['-p', puppeteerConfig, '-i', mmdIn, '-o', join(work, 'one.svg')], { runs: quick ? 1 : 3 });
    const perDiagram = renderMany.failure ? renderMany : { ...renderMany, median: renderMany.median / 20 };
    rows.push(['journey render per diagram (amortised over 20) / one `mmdc` run', ratio(perDiagram, mmdc1), '≤ 0.2']);
  }

  if (wanted('canvas')) {
    console.log('canvas (in process):');
    const canvas = spawnSync(process.execPath, [join(root, 'bench/canvas.mjs')], { cwd: root, encoding: 'utf8' });
    const canvasLine = canvas.status === 0 ? canvas.stdout.trim().split('\n').pop() : `failed: ${(canvas.stderr || '').trim().split('\n').pop()}`;
    console.log(`  ${canvasLine}`);
    rows.push(['canvas SVG+PNG per typical map', canvasLine, '≤ 50 ms']);
  }

  if (wanted('pptx')) {
    console.log('PowerPoint deck:');
    const inProcess = spawnSync(process.execPath, [join(root, 'bench/pptx.mjs')], { cwd: root, encoding: 'utf8' });
    const deckLine = inProcess.status === 0 ? inProcess.stdout.trim().split('\n').pop() : `failed: ${(inProcess.stderr || '').trim().split('\n').pop()}`;
    console.log(`  in process: ${deckLine}`);
    const example = join(root, 'examples/b2c-ecommerce.journey.yaml');
    pptx1 = measure('journey render one map → PPTX (b2c-ecommerce, 18 slides)', process.execPath, [journey, 'render', example, '-o', join(work, 'deck.pptx')], { runs: quick ? 1 : 5 });
    rows.push(['PPTX deck per map, in process', deckLine, '—'], ['PPTX deck of one map, `journey render map.yaml -o map.pptx`: seconds', pptx1.failure ? 'n/a' : pptx1.median.toFixed(2), '—']);
  }

  if (only !== undefined) {
    console.log('');
    for (const row of rows) console.log(`${row[0]}: ${row[1]} (target ${row[2]})`);
    return;
  }

  const results = [node0, validate1, lint1, ajv1, spectral1, lintMany, ajvMany, lintBig, renderMany, mmdc1, pptx1];
  const md = [
    '# Benchmarks',
    '',
    'Produced by `npm run bench` (bench/run.mjs); the corpora are generated from a fixed seed (bench/corpus.mjs).',
    `Each command ran ${RUNS} times after one warm-up (the 1,000 maps 5 times, the other heavy ones 3 times); times are wall-clock medians with the min–max spread, memory is peak resident set size.`,
    'The commands compared on one map, and those on the 1,000 maps, ran in turn, one run of each per round, so that slower moments of the machine fall on all of them alike.',
    '',
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}, Node.js ${process.version}; load average ${loadAtStart} when the run began (other work on the machine slows every command alike, but widens the spread).`,
    '',
    '## Ratios against the targets',
    '',
    '| measure | result | target |',
    '|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    '## Raw timings',
    '',
    '| command | median (spread), peak memory |',
    '|---|---|',
    ...results.map((r) => `| ${r.label} | ${fmt(r)} |`),
    '',
  ].join('\n');
  mkdirSync(join(root, 'docs'), { recursive: true });
  writeFileSync(join(root, 'docs/benchmarks.md'), md);
  console.log('\nwritten to docs/benchmarks.md');
}

main();
