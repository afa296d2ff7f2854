import type { Command } from 'commander';
import { CliError } from '../errors.js';
import { emit } from '../io.js';

interface RulesCommandOptions {
  format: string;
  output?: string;
}

export function register(program: Command): void {
  program
    .command('rules')
    .description('list the lint rules with their severity in each preset')
    .option('-f, --format <name>', 'text or json', 'text')
    .option('-o, --output <file>', 'write the list to a file')
    .action(async (options: RulesCommandOptions) => {
      await emit(await renderRules(options.format), options.output);
    });
}

export async function renderRules(format: string): Promise<string> {
  if (format !== 'text' && format !== 'json') throw new CliError(`unknown format "${format}" for rules: use text or json`);
  const { RULES, PRESET_NAMES, presetSeverity, helpUri } = await import('../../lint/index.js');
  if (format === 'json') {
    const rules = RULES.map((rule) => ({
      id: rule.meta.id,
      description: rule.meta.description,
      defaultSeverity: rule.meta.defaultSeverity,
      presets: Object.fromEntries(PRESET_NAMES.map((preset) => [preset, presetSeverity(rule, preset)])),
      defaultOptions: rule.defaultOptions,
      docs: rule.meta.docs,
      helpUri: helpUri(rule.meta.docs),
    }));
    return JSON.stringify({ rules }, null, 2) + '\n';
  }
  const header = ['rule', ...PRESET_NAMES, 'description'];
  const rows = RULES.map((rule) => [
    rule.meta.id,
    ...PRESET_NAMES.map((preset) => {
      const severity = presetSeverity(rule, preset);
      return severity === 'off' ? '-' : severity;
    }),
    rule.meta.description,
  ]);
  const widths = header.slice(0, -1).map((_, i) => Math.max(header[i]!.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < widths.length ? cell.padEnd(widths[i]!) : cell)).join('  ');
  return [line(header), ...rows.map(line), '', `${RULES.length} rules; "-" means off in that preset. Each rule is documented in docs/rules/<rule>.md.`].join('\n') + '\n';
}
