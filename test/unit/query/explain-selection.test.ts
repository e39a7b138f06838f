import { describe, expect, test } from '@jest/globals';
import { explainSelection } from '../../../src/query/explain.js';
import { awsCliWords, explainQuery } from '../../../src/query/explain.js';

const AFTER = new Date('2024-01-31T00:00:00.000Z');
const BEFORE = new Date('2025-06-01T12:00:00.000Z');

describe('explainSelection', () => {
  test('when nothing is selected client-side then no step, no query, no caveat', () => {
    expect(explainSelection({})).toEqual({ steps: [], query: undefined, caveats: [] });
  });
  test('when --latest is given then the query keeps the newest by CreationDate, newest first', () => {
    expect(explainSelection({ latest: 1 }).query).toBe('{Images: reverse(sort_by(Images, &CreationDate))[:1]}');
    expect(explainSelection({ latest: 3 }).query).toBe('{Images: reverse(sort_by(Images, &CreationDate))[:3]}');
    expect(explainSelection({ latest: 3 }).steps.join('\n')).toMatch(/--latest 3: keep the newest 3 images, newest first .*version-aware greater name, then the greater image ID/);
  });
  test('when --created-after/--created-before are given then they filter on CreationDate as ISO text (at or after, strictly before)', () => {
    const e = explainSelection({ createdAfter: AFTER, createdBefore: BEFORE });
    expect(e.query).toBe('{Images: Images[?CreationDate>=`"2024-01-31T00:00:00.000Z"` && CreationDate<`"2025-06-01T12:00:00.000Z"`]}');
    expect(e.steps).toEqual([
      '# then ami-find, on the images received (no DescribeImages parameter does this):',
      '#   --created-after: keep images created at or after 2024-01-31T00:00:00.000Z',
      '#   --created-before: keep images created before 2025-06-01T12:00:00.000Z',
    ]);
    expect(e.caveats).toEqual([]);
  });
  test('when --name-regex is given then it is a step with no query, said plainly', () => {
    const e = explainSelection({ nameRegex: '^ubuntu/.*arm64' });
    expect(e.steps[1]).toBe('#   --name-regex: keep images whose name matches the JavaScript regular expression ^ubuntu/.*arm64');
    expect(e.query).toBeUndefined();
    expect(e.caveats).toEqual([expect.stringMatching(/^# --name-regex has no --query equivalent \(JMESPath has no regular expressions\)/)]);
  });
  test('when --sort is given then ties sort by creation date first, and --desc reverses the whole order', () => {
    expect(explainSelection({ sort: 'architecture' }).query).toBe('{Images: sort_by(sort_by(Images, &CreationDate), &Architecture)}');
    expect(explainSelection({ sort: 'creation-date', desc: true }).query).toBe('{Images: reverse(sort_by(Images, &CreationDate))}');
    expect(explainSelection({ sort: 'owner', desc: true }).query)
      .toBe('{Images: reverse(sort_by(sort_by(Images, &CreationDate), &(ImageOwnerAlias || OwnerId)))}');
  });
  test('when --sort name is given then the caveat says JMESPath is not version-aware', () => {
    expect(explainSelection({ sort: 'name' }).caveats.join('\n')).toMatch(/not version-aware/);
  });
  test('when a sort key may be missing then the query sorts it as "" and, ascending only, says it comes first', () => {
    expect(explainSelection({ sort: 'deprecation-time' }).query).toBe('{Images: sort_by(sort_by(Images, &CreationDate), &(DeprecationTime || `""`))}');
    expect(explainSelection({ sort: 'deprecation-time' }).caveats.join('\n')).toMatch(/sort first in the query, last in ami-find/);
    expect(explainSelection({ sort: 'last-launched', desc: true }).caveats.join('\n')).not.toMatch(/sort first in the query/);
  });
  test('when every step is given then they run in ami-find\'s order: dates, --latest, then --sort', () => {
    const e = explainSelection({ nameRegex: 'x', createdAfter: AFTER, latest: 2, sort: 'name', desc: true });
    expect(e.steps.map((l) => /--[a-z-]+/.exec(l)?.[0])).toEqual([undefined, '--name-regex', '--created-after', '--latest', '--sort']);
    expect(e.query).toBe('{Images: reverse(sort_by(sort_by(reverse(sort_by(Images[?CreationDate>=`"2024-01-31T00:00:00.000Z"`], &CreationDate))[:2], &CreationDate), &Name))}');
  });
});

describe('explainQuery with a selection', () => {
  const q = { owners: ['137112412989'] };
  test('when --latest and --created-after are given then they are listed and the aws line carries --query with --output json', () => {
    const text = explainQuery(q, { PageSize: 50 }, { region: 'us-east-1' }, { latest: 1, createdAfter: AFTER });
    expect(text).toContain('#   --latest 1: keep the newest image');
    expect(text).toContain('#   --created-after: keep images created at or after 2024-01-31T00:00:00.000Z');
    expect(text).toContain('aws ec2 describe-images --owners 137112412989 --page-size 50 --region us-east-1 --query '
      + "'{Images: reverse(sort_by(Images[?CreationDate>=`\"2024-01-31T00:00:00.000Z\"`], &CreationDate))[:1]}' --output json");
  });
  test('when nothing is selected then the aws line has no --query', () => {
    expect(explainQuery(q, {}, {}, {})).not.toContain('--query');
  });
  test('when --dry-run then no step is listed (nothing is listed to select from)', () => {
    expect(explainQuery({ ...q, dryRun: true }, {}, {}, { latest: 1 })).not.toMatch(/--latest|--query/);
  });
  test('when awsCliWords gets a query then --query and --output json end the words', () => {
    expect(awsCliWords(q, {}, {}, '{Images: Images}').slice(-4)).toEqual(['--query', '{Images: Images}', '--output', 'json']);
  });
});
