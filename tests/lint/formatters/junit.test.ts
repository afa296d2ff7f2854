import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { junit } from '../../../src/report/formatters/junit.js';
import { OPTIONS, REPORTS } from './sample.js';

describe('junit formatter', () => {
  const xml = junit(REPORTS, OPTIONS);
  const parsed = new XMLParser({ ignoreAttributes: false, htmlEntities: true, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(xml);

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  });

  it('has one suite per file, one failing case per finding and a passing case for a clean file', () => {
    const suites = parsed.testsuites;
    expect(suites).toMatchObject({ name: 'journey lint', tests: '5', failures: '4', errors: '0' });
    expect(suites.testsuite.map((s: any) => [s.name, s.tests, s.failures])).toEqual([
      ['maps/b2c & co.yaml', '2', '2'],
      ['maps/clean.yaml', '1', '0'],
      ['/abs/dir/missing.yaml', '1', '1'],
      ['maps/info.yaml', '1', '1'],
    ]);
    expect(suites.testsuite[1].testcase).toEqual([{ classname: 'maps/clean.yaml', name: 'journey lint' }]);
    expect(suites.testsuite[0].testcase[0]).toMatchObject({
      classname: 'maps/b2c & co.yaml',
      name: 'kpi-below-target at 12:17',
      line: '12',
      failure: {
        type: 'warning',
        message: 'KPI `conversion` misses its target: 48% measured, 62% aimed for',
        '#text': 'warning at maps/b2c & co.yaml:12:17: KPI `conversion` misses its target: 48% measured, 62% aimed for (kpi-below-target)',
      },
    });
  });

  it('escapes markup and quotes, keeps line breaks in attributes and drops characters XML cannot hold', () => {
    const failure = parsed.testsuites.testsuite[0].testcase[1].failure;
    expect(failure.message).toBe(
      'touchpoint <script>alert("x")</script> | @team #12, a\nnew line at 100%: [link](https://x.test) ![img](http://t.test/p.png) www.example.com',
    );
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('\u0007');
    expect(xml).toContain('a&#10;new line');
  });
});
