/** `ami-find ssm`'s formatter: the listing's csv and tsv field rules, escaping for a terminal, a header on request. */
import { formatSsmParameters } from '../../../src/output/ssm-parameters.js';
import type { BrowsedParameter } from '../../../src/ssm/browse.js';

const rows: BrowsedParameter[] = [
  { name: '/aws/service/x/a', value: 'ami-0123456789abcdef0', imageName: '=cmd\tname', lastModified: new Date('2026-01-02T03:04:05Z') },
  { name: '/aws/service/x/b', value: 'aws', dataType: 'text' },
];

test('when written as csv then a formula start is defused and the header leads', () => {
  expect(formatSsmParameters(rows, 'csv', { header: true, terminal: false })).toBe(
    'PARAMETER,VALUE,IMAGE NAME,MODIFIED\n/aws/service/x/a,ami-0123456789abcdef0,"\'=cmd\tname",2026-01-02T03:04:05.000Z\n/aws/service/x/b,aws,,\n');
});

test('when written as tsv then a tab inside a field is escaped, once', () => {
  expect(formatSsmParameters(rows, 'tsv', { header: false, terminal: true }).split('\n')[0]).toBe(
    '/aws/service/x/a\tami-0123456789abcdef0\t=cmd\\tname\t2026-01-02T03:04:05.000Z');
});

test('when written as ids then only AMI IDs come out', () => {
  expect(formatSsmParameters(rows, 'ids', { header: true, terminal: false })).toBe('ami-0123456789abcdef0\n');
});

test('when written as a table then columns line up and control characters are shown escaped', () => {
  const table = formatSsmParameters(rows, 'table', { header: true, terminal: true }).split('\n');
  expect(table[0]!.indexOf('VALUE')).toBe(table[1]!.indexOf('ami-'));
  expect(table[1]).toContain('=cmd\\x09name');
});
