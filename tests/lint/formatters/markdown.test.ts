import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdown, MAX_ROWS } from '../../../src/report/formatters/markdown.js';
import type { FileReport } from '../../../src/report/types.js';
import { OPTIONS, REPORTS } from './sample.js';

const WJ = '\u2060';

describe('markdown formatter', () => {
  it('writes a summary table and one escaped row per finding', () => {
    expect(markdown(REPORTS, OPTIONS)).toBe(
      [
        '### journey lint',
        '',
        '| Errors | Warnings | Info | Files with findings | Files checked |',
        '| ---: | ---: | ---: | ---: | ---: |',
        '| 2 | 1 | 1 | 3 | 4 |',
        '',
        '| Severity | Location | Rule | Message |',
        '| --- | --- | --- | --- |',
        '| 🟠 warning | maps/b2c &amp; co\\.yaml:12:17 | [kpi\\-below\\-target](https://github.com/journeykit/journeykit/blob/main/docs/rules/kpi-below-target.md) | KPI \\`conversion\\` misses its target: 48% measured, 62% aimed for |',
        `| 🔴 error | maps/b2c &amp; co\\.yaml:20:9 | [touchpoint\\-without\\-owner](https://github.com/journeykit/journeykit/blob/main/docs/rules/touchpoint-without-owner.md) | touchpoint &lt;script&gt;alert\\("x"\\)&lt;/script&gt; \\| @${WJ}team \\#${WJ}12, a new line  at 100%: \\[link\\]\\(https:${WJ}//x\\.test\\) \\!\\[img\\]\\(http:${WJ}//t\\.test/p\\.png\\) www${WJ}\\.example\\.com |`,
        '| 🔴 error | /abs/dir/missing\\.yaml | [io](https://github.com/journeykit/journeykit/blob/main/docs/lint.md#exit-codes) | cannot read the file: no such file or directory |',
        '| 🔵 info | maps/info\\.yaml:3:1 | schema | a note |',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to report', () => {
    expect(markdown([{ file: 'a.yaml', diagnostics: [] }], OPTIONS)).toBe('### journey lint\n\n✅ No problems in 1 file.\n');
  });

  it('cuts the table, and says how many rows it left out', () => {
    const many: FileReport[] = [
      { file: 'a.yaml', diagnostics: Array.from({ length: MAX_ROWS + 5 }, (_, i) => ({ ruleId: 'x', severity: 'info' as const, message: `m${i}`, file: 'a.yaml', line: i + 1, column: 1 })) },
    ];
    const out = markdown(many, OPTIONS);
    expect(out.split('\n').filter((l) => l.startsWith('| 🔵 info'))).toHaveLength(MAX_ROWS);
    expect(out.endsWith('\n…and 5 more. Run `journey lint` locally to see them all.\n')).toBe(true);
  });

  it('leaves no raw HTML, no unescaped pipe and no line break in a cell', () => {
    const cell = escapeMarkdown('<img src=x onerror=alert(1)>|a\r\nb`c`');
    expect(cell).toBe('&lt;img src=x onerror=alert\\(1\\)&gt;\\|a b\\`c\\`');
  });
});
