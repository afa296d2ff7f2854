import { describe, expect, it } from 'vitest';
import { lintJourney } from '../../src/lint/engine.js';
import { presetSettings } from '../../src/lint/presets.js';
import type { RuleSettings } from '../../src/lint/types.js';
import { parseJourneyText } from '../../src/load/index.js';
import { validateJourney } from '../../src/validate/index.js';
import { yaml } from './rule-tester.js';

function lint(text: string, options: { rules?: RuleSettings; reportUnusedDisable?: boolean } = {}) {
  const journey = parseJourneyText(text, 'map.yaml').journey!;
  const map = validateJourney(journey).map!;
  return lintJourney(map, journey, options).map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}: ${d.message}`);
}

const only = (settings: RuleSettings): RuleSettings => settings;

const MAP = yaml`
  journeykit: 1
  title: T
  objectives: [O]
  phases:
    - id: achat
      name: Achat
      stage: purchase
      touchpoints:
        - { id: panier, name: Panier, channel: website, emotion: 1 }
        - { id: paiement, name: Paiement, channel: website }
        - { id: facture, name: Facture, channel: email }
`;

describe('lintJourney', () => {
  it('uses the recommended preset when given no settings, in reading order', () => {
    expect(lint(MAP)).toEqual([
      '2:8 warning no-personas: the map declares no personas: say which customers the journey is drawn for',
      '4:1 warning digital-only: every touchpoint is on a digital channel: the journey has no physical or human contact (store, event, phone, sales rep…)',
      '4:1 warning lifecycle-stage-missing: no phase covers the awareness and consideration stages',
      '4:1 error post-purchase-coverage: the journey ends at the purchase stage: no phase covers what follows the sale (onboarding, usage, retention or advocacy)',
      '5:5 warning phase-without-kpi: phase `achat` has no KPI: add an indicator that tells whether this stage succeeds',
      '9:9 warning touchpoint-without-owner: touchpoint `panier` has no owner: name the team accountable for it',
      '10:9 warning touchpoint-without-emotion: touchpoint `paiement` has no emotion: the emotional curve has a hole here',
      '10:9 warning touchpoint-without-owner: touchpoint `paiement` has no owner: name the team accountable for it',
      '11:9 warning touchpoint-without-emotion: touchpoint `facture` has no emotion: the emotional curve has a hole here',
      '11:9 warning touchpoint-without-owner: touchpoint `facture` has no owner: name the team accountable for it',
    ]);
  });

  it('gives each finding the configured severity, and runs no rule that is off or unnamed', () => {
    expect(lint(MAP, { rules: only({ 'post-purchase-coverage': { severity: 'info' }, 'no-personas': { severity: 'off' } }) })).toEqual([
      '4:1 info post-purchase-coverage: the journey ends at the purchase stage: no phase covers what follows the sale (onboarding, usage, retention or advocacy)',
    ]);
  });

  it('lays configured options over the rule defaults', () => {
    const rules = only({ 'too-many-touchpoints': { severity: 'error', options: { max: 2 } } });
    expect(lint(MAP, { rules })).toEqual([
      '5:5 error too-many-touchpoints: phase `achat` has 3 touchpoints, more than 2: the step may be too complex for customers; split it or merge touchpoints',
    ]);
  });

  describe('disable comments', () => {
    const rules = only({ 'touchpoint-without-owner': { severity: 'warning' }, 'touchpoint-without-emotion': { severity: 'warning' }, 'phase-without-kpi': { severity: 'warning' } });
    const COMMENTED = yaml`
      journeykit: 1
      title: T
      phases:
        # journeykit-disable-next-line phase-without-kpi -- measured in the CRM
        - id: achat
          name: Achat
          stage: purchase
          touchpoints:
            - { id: panier, name: Panier, channel: website, emotion: 1 } # journeykit-disable-line
            # journeykit-disable-next-line touchpoint-without-owner
            - { id: paiement, name: Paiement, channel: website }
            - { id: facture, name: "Facture # journeykit-disable-line", channel: email }
    `;

    it('next-line (with a reason) and line cover their line only; a marker inside a string does nothing', () => {
      expect(lint(COMMENTED, { rules })).toEqual([
        '11:9 warning touchpoint-without-emotion: touchpoint `paiement` has no emotion: the emotional curve has a hole here',
        '12:9 warning touchpoint-without-emotion: touchpoint `facture` has no emotion: the emotional curve has a hole here',
        '12:9 warning touchpoint-without-owner: touchpoint `facture` has no owner: name the team accountable for it',
      ]);
    });

    it('disable-file covers the whole file, for the rules it names', () => {
      const text = `# journeykit-disable-file touchpoint-without-owner, touchpoint-without-emotion\n${COMMENTED}`;
      expect(lint(text, { rules })).toEqual([]);
    });

    it('disable-file without rules covers every rule', () => {
      expect(lint(`${COMMENTED}# journeykit-disable-file\n`, { rules })).toEqual([]);
    });

    it('an unknown rule in a comment is reported, with a suggestion', () => {
      const text = `# journeykit-disable-file touchpoint-without-ower\n${COMMENTED}`;
      expect(lint(text, { rules })[0]).toBe(
        '1:1 warning invalid-disable-directive: unknown rule `touchpoint-without-ower` in a journeykit-disable-file comment; did you mean `touchpoint-without-owner`?',
      );
    });

    it('--report-unused-disable reports comments, and rules in them, that suppressed nothing', () => {
      const text = `# journeykit-disable-file kpi-below-target, touchpoint-without-owner\n${COMMENTED}description: x # journeykit-disable-line\n`;
      expect(lint(text, { rules, reportUnusedDisable: true })).toEqual([
        '1:1 warning unused-disable-directive: `kpi-below-target` in this journeykit-disable-file comment suppresses nothing',
        '12:9 warning touchpoint-without-emotion: touchpoint `paiement` has no emotion: the emotional curve has a hole here',
        '13:9 warning touchpoint-without-emotion: touchpoint `facture` has no emotion: the emotional curve has a hole here',
        '14:16 warning unused-disable-directive: this journeykit-disable-line comment suppresses nothing',
      ]);
      expect(lint(text, { rules })).toEqual([
        '12:9 warning touchpoint-without-emotion: touchpoint `paiement` has no emotion: the emotional curve has a hole here',
        '13:9 warning touchpoint-without-emotion: touchpoint `facture` has no emotion: the emotional curve has a hole here',
      ]);
    });
  });
});
