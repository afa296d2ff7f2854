import rule from '../../../src/lint/rules/journey-too-long.js';
import { testRule, yaml } from '../rule-tester.js';

/** A map with `phases` phases of `perPhase` touchpoints each. */
function map(phases: number, perPhase: number): string {
  const lines = ['journeykit: 1', 'title: T', 'phases:'];
  for (let p = 1; p <= phases; p++) {
    lines.push(`  - id: p${p}`, `    name: Phase ${p}`, '    stage: awareness', '    touchpoints:');
    for (let t = 1; t <= perPhase; t++) lines.push(`      - { id: p${p}-t${t}, name: T }`);
  }
  return lines.join('\n') + '\n';
}

testRule(rule, {
  valid: [
    { name: 'ten phases of four touchpoints', map: map(10, 4) },
    { name: 'a long map under raised limits', map: map(12, 5), options: { maxPhases: 12, maxTouchpoints: 60 } },
  ],
  invalid: [
    {
      name: 'eleven phases',
      map: map(11, 1),
      findings: [{ message: 'the journey has 11 phases, more than 10: keep the map simple enough to read', line: 3, column: 1 }],
    },
    {
      name: 'too many touchpoints in few phases',
      map: map(3, 14),
      findings: [
        { message: 'the journey has 42 touchpoints, more than 40: keep the map simple enough to read, or split it by persona', line: 3, column: 1 },
      ],
    },
    {
      name: 'both limits, with options',
      map: map(3, 2),
      options: { maxPhases: 2, maxTouchpoints: 5 },
      findings: [
        { message: 'the journey has 3 phases, more than 2: keep the map simple enough to read', line: 3, column: 1 },
        { message: 'the journey has 6 touchpoints, more than 5: keep the map simple enough to read, or split it by persona', line: 3, column: 1 },
      ],
    },
  ],
});
