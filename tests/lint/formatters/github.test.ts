import { describe, expect, it } from 'vitest';
import { github } from '../../../src/report/formatters/github.js';
import { OPTIONS, REPORTS } from './sample.js';

describe('github formatter', () => {
  it('writes one workflow command per finding, escaping data and properties and dropping control characters', () => {
    expect(github(REPORTS, OPTIONS)).toBe(
      [
        '::warning file=maps/b2c & co.yaml,line=12,col=17,endLine=12,endColumn=19,title=kpi-below-target::KPI `conversion` misses its target: 48%25 measured, 62%25 aimed for',
        '::error file=maps/b2c & co.yaml,line=20,col=9,title=touchpoint-without-owner::touchpoint <script>alert("x")</script> | @team #12, a%0Anew line at 100%25: [link](https://x.test) ![img](http://t.test/p.png) www.example.com',
        '::error file=/abs/dir/missing.yaml,title=io::cannot read the file: no such file or directory',
        '::notice file=maps/info.yaml,line=3,col=1,title=schema::a note',
      ].join('\n') + '\n',
    );
  });

  it('escapes : and , in properties, and carriage returns anywhere', () => {
    const out = github(
      [{ file: 'a,b:c%.yaml', diagnostics: [{ ruleId: 'x', severity: 'warning', message: 'one\r\ntwo', file: 'a,b:c%.yaml', line: 1, column: 2 }] }],
      OPTIONS,
    );
    expect(out).toBe('::warning file=a%2Cb%3Ac%25.yaml,line=1,col=2,title=x::one%0D%0Atwo\n');
  });

  it('prints nothing when there is nothing to say', () => {
    expect(github([{ file: 'a.yaml', diagnostics: [] }], OPTIONS)).toBe('');
  });
});
