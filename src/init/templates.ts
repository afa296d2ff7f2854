import { packagePath } from '../util/package-root.js';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Template {
  name: string;
  /** One line per language, shown by the interactive prompt and in --help. */
  summary: Record<Language, string>;
}

/**
 * The starter maps `journey init` writes. Each is a file per language under templates/ at the
 * package root, named `<name>.<lang>.yaml`; tests check every one validates, is formatted and
 * lints with nothing but the findings a starter should show.
 */
export const TEMPLATES: readonly Template[] = [
  {
    name: 'b2c-ecommerce',
    summary: {
      en: 'online shop, six phases from awareness to advocacy',
      fr: 'boutique en ligne, six phases de la sensibilisation à la recommandation',
    },
  },
  {
    name: 'b2b-equipment',
    summary: {
      en: 'a small business renews its IT equipment with a supplier',
      fr: 'une PME renouvelle son parc informatique auprès d’un fournisseur',
    },
  },
  {
    name: 'b2b-saas',
    summary: { en: 'a company chooses and adopts an HR software', fr: 'une entreprise choisit et adopte un logiciel RH' },
  },
  {
    name: 'agency',
    summary: { en: 'a company works with a digital marketing agency', fr: 'une entreprise confie son marketing digital à une agence' },
  },
  {
    name: 'blank',
    summary: { en: 'one empty phase per lifecycle stage, to fill in', fr: 'une phase vide par étape du cycle de vie, à remplir' },
  },
];

export const TEMPLATE_NAMES = TEMPLATES.map((t) => t.name);

export function templatePath(name: string, lang: Language): string {
  return packagePath('templates', `${name}.${lang}.yaml`);
}
