// `npm run examples`: the main job on the bundled maps, the way a consultant would run it:
// validate, lint, then render a Markdown report, a slide-ready canvas, an editable deck and the
// Mermaid diagram.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = 'build/examples';

function journey(title, args, { expect = [0] } = {}) {
  console.log(`\n$ journey ${args.join(' ')}    # ${title}`);
  const result = spawnSync(process.execPath, ['bin/journey.cjs', ...args], { cwd: root, stdio: 'inherit' });
  if (!expect.includes(result.status)) {
    console.error(`journey ${args[0]} ended with exit code ${result.status}`);
    process.exit(result.status ?? 2);
  }
  return result.status;
}

journey('schema, ids and references', ['validate', 'examples/']);
// One example is a first draft that stops at the sale: lint reports it as an error (exit 1).
journey('gaps a consultant would raise', ['lint', 'examples/'], { expect: [0, 1] });
journey('one-page Markdown reports', ['render', 'examples/', '--format', 'markdown', '--out', out]);
journey('slide-ready journey canvases', ['render', 'examples/', '--diagram', 'canvas', '--format', 'png', '--slide', '16:9', '--out', out]);
journey('editable PowerPoint decks', ['render', 'examples/', '--format', 'pptx', '--out', out]);
const images = journey('Mermaid journey diagrams (needs Chrome, Chromium or Edge)', ['render', 'examples/', '--format', 'svg', '--out', out], { expect: [0, 2] });
if (images === 2) console.log('(no browser here: the Mermaid images were skipped; the other outputs do not need one)');

console.log(`\nWritten to ${out}/:`);
for (const file of readdirSync(`${root}/${out}`).sort()) console.log(`  ${file}`);
