import type { FileReport, FormatOptions, RuleInfo } from '../../../src/report/types.js';

export const RULES: RuleInfo[] = [
  { id: 'kpi-below-target', description: 'A KPI misses its target.', docs: 'docs/rules/kpi-below-target.md' },
  { id: 'touchpoint-without-owner', description: 'A touchpoint has no team accountable for it.', docs: 'docs/rules/touchpoint-without-owner.md' },
  { id: 'io', description: 'The file cannot be read.', docs: 'docs/lint.md#exit-codes' },
];

export const OPTIONS: FormatOptions = {
  color: false,
  rules: RULES,
  toolName: 'journey lint',
  docsBaseUrl: 'https://github.com/journeykit/journeykit/blob/main/',
  version: '0.1.0',
};

/** Findings with hostile text in them: markup, control characters, separators, mentions. */
export const REPORTS: FileReport[] = [
  {
    file: 'maps/b2c & co.yaml',
    diagnostics: [
      {
        ruleId: 'kpi-below-target',
        severity: 'warning',
        message: 'KPI `conversion` misses its target: 48% measured, 62% aimed for',
        file: 'maps/b2c & co.yaml',
        line: 12,
        column: 17,
        endLine: 12,
        endColumn: 19,
        pointer: '/phases/2/kpis/0/actual',
      },
      {
        ruleId: 'touchpoint-without-owner',
        severity: 'error',
        message: 'touchpoint <script>alert("x")</script> | @team #12, a\nnew line\u0007 at 100%: [link](https://x.test) ![img](http://t.test/p.png) www.example.com',
        file: 'maps/b2c & co.yaml',
        line: 20,
        column: 9,
      },
    ],
  },
  { file: 'maps/clean.yaml', diagnostics: [] },
  {
    file: '/abs/dir/missing.yaml',
    diagnostics: [{ ruleId: 'io', severity: 'error', message: 'cannot read the file: no such file or directory', file: '/abs/dir/missing.yaml', line: 0, column: 0 }],
  },
  {
    file: 'maps/info.yaml',
    diagnostics: [{ ruleId: 'schema', severity: 'info', message: 'a note', file: 'maps/info.yaml', line: 3, column: 1 }],
  },
];
