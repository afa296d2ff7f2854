import { createRequire } from 'node:module';

type YamlPackage = typeof import('yaml');
let loaded: YamlPackage | undefined;

/**
 * The `yaml` package, loaded on first use. Most maps go through the quick parser (fast-yaml.ts)
 * and a run that lints them never needs it: it is loaded only for a file the quick parser leaves
 * to it, a position the quick parser is unsure of, a configuration file or an inline directive.
 * It is required rather than imported so that the synchronous code that needs it can load it.
 */
export function yamlPackage(): YamlPackage {
  loaded ??= createRequire(import.meta.url)('yaml') as YamlPackage;
  return loaded;
}
