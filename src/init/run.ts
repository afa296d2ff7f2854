import { access, mkdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { stringify } from 'yaml';
import { CliError, EXIT } from '../cli/errors.js';
import { formatJourneyText } from '../fmt/index.js';
import { findProjectRoot } from '../load/include.js';
import { safeForTerminal } from '../report/terminal.js';
import { didYouMean } from '../util/suggest.js';
import { describeIoError } from '../util/io-error.js';
import { writeFileAtomic } from '../util/write.js';
import { SCHEMA_PATH } from '../validate/schema.js';
import { canPrompt, Prompter, type PromptStreams } from './prompt.js';
import { LANGUAGES, templatePath, TEMPLATE_NAMES, TEMPLATES, type Language } from './templates.js';

export interface InitOptions {
  template?: string;
  lang?: string;
  name?: string;
  force?: boolean;
}

export interface InitContext extends PromptStreams {
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const CONFIG_NAMES = ['.journeykit.yaml', '.journeykit.yml', '.journeykit.json'];

/**
 * `journey init`: writes a starter map, with the editor modeline that points at the schema, and
 * a `.journeykit.yaml` when the directory has no configuration yet. Every choice has a flag;
 * questions are asked only on a terminal, so scripts and CI never wait. Exit codes: 0 written,
 * 2 for a bad flag or a map that already exists (without --force).
 */
export async function runInit(dir: string | undefined, options: InitOptions, context: InitContext): Promise<number> {
  const choices = await decide(options, context);
  const target = resolve(context.cwd, dir ?? '.');
  const base = options.name !== undefined ? slug(options.name) || choices.template : choices.template;
  const mapPath = join(target, `${base}.journey.yaml`);
  const shown = (path: string) => safeForTerminal(relative(context.cwd, path) || path);

  if (!options.force && (await exists(mapPath))) {
    throw new CliError(`${shown(mapPath)} already exists: use --force to overwrite it`);
  }
  const text = await starterMap(choices.template, choices.lang, choices.title, target);
  const configPath = await existingConfig(target);

  try {
    await mkdir(target, { recursive: true });
  } catch (error) {
    // mkdir says EEXIST when the directory named is a file.
    const reason = (error as NodeJS.ErrnoException).code === 'EEXIST' ? 'it is a file, not a directory' : describeIoError(error).replace(/^cannot read /, '');
    throw new CliError(`cannot write in ${shown(target)}: ${reason}`);
  }
  try {
    // Without --force, a map that appeared since the check above is still not replaced.
    await writeFileAtomic(mapPath, text, { overwrite: options.force === true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new CliError(`${shown(mapPath)} already exists: use --force to overwrite it`);
    throw new CliError(`cannot write in ${shown(target)}: ${describeIoError(error).replace(/^cannot read /, '')}`);
  }
  try {
    // A configuration is never replaced, --force or not.
    if (!configPath) await writeFileAtomic(join(target, '.journeykit.yaml'), await starterConfig(target), { overwrite: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new CliError(`cannot write in ${shown(target)}: ${describeIoError(error).replace(/^cannot read /, '')} (${shown(mapPath)} was written)`);
    }
  }

  const lines = [`created ${shown(mapPath)} (template ${choices.template}, ${choices.lang})`];
  lines.push(configPath ? `kept ${shown(configPath)}` : `created ${shown(join(target, '.journeykit.yaml'))}`);
  lines.push(`next: fill in the map, then run journey lint ${shown(mapPath)}`);
  context.output.write(lines.join('\n') + '\n');
  return EXIT.ok;
}

interface Choices {
  template: string;
  lang: Language;
  title: string;
}

async function decide(options: InitOptions, context: InitContext): Promise<Choices> {
  if (options.template !== undefined && !TEMPLATE_NAMES.includes(options.template)) {
    throw new CliError(`unknown template "${options.template}"${didYouMean(options.template, TEMPLATE_NAMES)}; choose one of ${TEMPLATE_NAMES.join(', ')}`);
  }
  if (options.lang !== undefined && !LANGUAGES.includes(options.lang as Language)) {
    throw new CliError(`unknown language "${options.lang}": templates exist in ${LANGUAGES.join(' and ')}`);
  }
  if (options.name !== undefined && options.name.trim() === '') throw new CliError('--name must not be empty');

  const interactive = canPrompt(context) && (options.template === undefined || options.lang === undefined || options.name === undefined);
  const prompter = interactive ? new Prompter(context) : undefined;
  try {
    const lang =
      (options.lang as Language | undefined) ??
      ((await prompter?.choose('Language of the map', LANGUAGES.map((l) => ({ value: l, label: l === 'fr' ? 'français' : 'English' })), defaultLanguage(context.env))) as
        | Language
        | undefined) ??
      defaultLanguage(context.env);
    const template =
      options.template ??
      (await prompter?.choose('Template', TEMPLATES.map((t) => ({ value: t.name, label: t.summary[lang] })), 'b2c-ecommerce')) ??
      'b2c-ecommerce';
    const defaultTitle = await templateTitle(template, lang);
    const title = options.name ?? (await prompter?.ask('Title of the journey', defaultTitle)) ?? defaultTitle;
    return { template, lang, title };
  } finally {
    prompter?.close();
  }
}

/** French when the user's locale is French, English otherwise. */
export function defaultLanguage(env: NodeJS.ProcessEnv): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^fr\b|^fr_/i.test(locale) ? 'fr' : 'en';
}

async function templateTitle(template: string, lang: Language): Promise<string> {
  const text = await readFile(templatePath(template, lang), 'utf8');
  return /^title: (.*)$/m.exec(text)?.[1]?.trim() ?? template;
}

/** The template with its title set, the schema modeline on top, laid out by `journey fmt`. */
async function starterMap(template: string, lang: Language, title: string, dir: string): Promise<string> {
  const source = await readFile(templatePath(template, lang), 'utf8');
  const titled = source.replace(/^title: .*$/m, () => `title: ${stringify(title).trimEnd()}`);
  const text = `# yaml-language-server: $schema=${await schemaReference(dir, SCHEMA_PATH)}\n${titled}`;
  const formatted = formatJourneyText(text, `${template}.${lang}.yaml`);
  if (!formatted.ok) throw new CliError(`the ${template} template could not be prepared: ${formatted.diagnostics[0]?.message ?? 'unknown error'}`);
  return formatted.text;
}

async function starterConfig(dir: string): Promise<string> {
  const configSchema = join(dirname(SCHEMA_PATH), 'config.schema.json');
  const modeline = (await exists(configSchema)) ? `# yaml-language-server: $schema=${await schemaReference(dir, configSchema)}\n` : '';
  return `${modeline}# Settings of journey lint for the maps in this directory and below (docs/lint.md#configuration).\nextends: recommended\n`;
}

/**
 * How the modeline names a schema: a relative path when this copy of journeykit lives inside the
 * project (or the project has it in node_modules), so editors work offline and follow upgrades;
 * the schema's public address otherwise.
 */
async function schemaReference(dir: string, installed: string): Promise<string> {
  const file = installed.split(sep).pop()!;
  const root = await findProjectRoot(dir);
  const candidates = [installed];
  for (let at = resolve(dir); ; at = dirname(at)) {
    candidates.push(join(at, 'node_modules', 'journeykit', 'schemas', file));
    if (dirname(at) === at || !isInside(root, at)) break;
  }
  for (const candidate of candidates) {
    if (isInside(root, candidate) && (await exists(candidate))) return relative(dir, candidate).split(sep).join('/');
  }
  const id = (JSON.parse(await readFile(installed, 'utf8')) as { $id?: unknown }).$id;
  return typeof id === 'string' ? id : installed;
}

async function existingConfig(dir: string): Promise<string | undefined> {
  for (const name of CONFIG_NAMES) if (await exists(join(dir, name))) return join(dir, name);
  return undefined;
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep));
}

function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** A file name from a title: lowercase ASCII words joined by dashes. */
export function slug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
