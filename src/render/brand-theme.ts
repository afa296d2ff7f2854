import { isAbsolute, resolve } from 'node:path';
import type { BrandTheme } from '../canvas/index.js';
import { CliError } from '../cli/errors.js';
import { ConfigError, ConfigFinder } from '../lint/config.js';

/**
 * The canvas's brand theme comes from the `theme` key of the configuration file that applies to
 * a map (the same `.journeykit.yaml` lint reads, whose schema checks the theme). Font files are
 * named relative to that file.
 */
export class BrandThemes {
  private readonly finder = new ConfigFinder();

  async themeFor(file: string): Promise<BrandTheme | undefined> {
    let config;
    try {
      config = await this.finder.configFor(file);
    } catch (error) {
      if (error instanceof ConfigError) throw new CliError(error.message);
      throw error;
    }
    const theme = config?.raw.theme as BrandTheme | undefined;
    if (!config || !theme) return undefined;
    const fromConfig = (path: string | undefined) => (path === undefined || isAbsolute(path) ? path : resolve(config.dir, path));
    return theme.font ? { ...theme, font: { ...theme.font, regular: fromConfig(theme.font.regular), semibold: fromConfig(theme.font.semibold) } } : theme;
  }
}
