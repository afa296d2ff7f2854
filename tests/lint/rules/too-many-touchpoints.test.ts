import rule from '../../../src/lint/rules/too-many-touchpoints.js';
import { at, testRule } from '../rule-tester.js';

function map(count: number): string {
  const lines = ['journeykit: 1', 'title: T', 'phases:', '  - id: evaluation', '    name: Évaluation', '    stage: consideration', '    touchpoints:'];
  for (let i = 1; i <= count; i++) lines.push(`      - { id: t${i}, name: Point ${i} }`);
  return lines.join('\n') + '\n';
}

testRule(rule, {
  valid: [
    { name: 'eight touchpoints', map: map(8) },
    { name: 'twelve under a raised maximum', map: map(12), options: { max: 12 } },
  ],
  invalid: [
    {
      name: 'nine touchpoints',
      map: map(9),
      findings: [
        {
          message: 'phase `evaluation` has 9 touchpoints, more than 8: the step may be too complex for customers; split it or merge touchpoints',
          ...at(map(9), 4, 'id: evaluation'),
        },
      ],
    },
  ],
});
