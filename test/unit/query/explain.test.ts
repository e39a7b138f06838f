import { describe, expect, test } from '@jest/globals';
import { awsCliWords, explainQuery, firstRequestInput, shellQuote } from '../../../src/query/explain.js';
import { describeImagesBody, extendedEncodeURIComponent } from '../../../src/query/wire.js';
import { AmiFindError } from '../../../src/errors.js';

describe('describeImagesBody', () => {
  test('when every member is set then the body equals the SDK 3.1169.0 capture (ec2-contract 1.2)', () => {
    expect(describeImagesBody({
      ExecutableUsers: ['self', 'all'], ImageIds: ['ami-1', 'ami-2'], Owners: ['self', 'amazon'],
      IncludeDeprecated: true, IncludeDisabled: false, MaxResults: 50, NextToken: 'tok/+= x', DryRun: false,
      Filters: [{ Name: 'name', Values: ['al2023-*', 'a b&c'] }, { Name: 'tag:Env', Values: ['prod'] }],
    })).toBe('Action=DescribeImages&Version=2016-11-15&ExecutableBy.1=self&ExecutableBy.2=all&ImageId.1=ami-1'
      + '&ImageId.2=ami-2&Owner.1=self&Owner.2=amazon&IncludeDeprecated=true&IncludeDisabled=false&MaxResults=50'
      + '&NextToken=tok%2F%2B%3D%20x&DryRun=false&Filter.1.Name=name&Filter.1.Value.1=al2023-%2A'
      + '&Filter.1.Value.2=a%20b%26c&Filter.2.Name=tag%3AEnv&Filter.2.Value.1=prod');
  });
  test('when a filter has no values then only its name is sent', () => {
    expect(describeImagesBody({ Filters: [{ Name: 'tag-key' }] })).toBe('Action=DescribeImages&Version=2016-11-15&Filter.1.Name=tag-key');
  });
  test("when !'()* appear then they are percent-encoded like the SDK's extendedEncodeURIComponent", () => {
    expect(extendedEncodeURIComponent("a!'()*")).toBe('a%21%27%28%29%2A');
  });
});

describe('firstRequestInput', () => {
  test('when a page size is given then MaxResults is set', () => {
    expect(firstRequestInput({ owners: ['self'] }, { PageSize: 100 })).toEqual({ Owners: ['self'], MaxResults: 100 });
  });
  test('when image IDs are given then no MaxResults is sent', () => {
    expect(firstRequestInput({ imageIds: ['ami-0123abcd'] }, { PageSize: 100 }).MaxResults).toBeUndefined();
  });
  test('when a botocore starting token is given then its NextToken is sent', () => {
    const token = Buffer.from('{"NextToken": "T5", "boto_truncate_amount": 1}').toString('base64');
    expect(firstRequestInput({}, { StartingToken: token }).NextToken).toBe('T5');
  });
  test('when the token points at the first page then no NextToken is sent', () => {
    const token = Buffer.from('{"NextToken": null, "boto_truncate_amount": 3}').toString('base64');
    expect(firstRequestInput({}, { StartingToken: token }).NextToken).toBeUndefined();
  });
  test('when a raw EC2 token is given then it is sent as it is', () => {
    expect(firstRequestInput({}, { StartingToken: 'rawEc2Token123' }).NextToken).toBe('rawEc2Token123');
  });
  test('when the token is empty then E_BAD_TOKEN exit 2', () => {
    let err: unknown;
    try { firstRequestInput({}, { StartingToken: '' }); } catch (e) { err = e; }
    expect([(err as AmiFindError).code, (err as AmiFindError).exitCode]).toEqual(['E_BAD_TOKEN', 2]);
  });
});

describe('explainQuery', () => {
  const q = { owners: ['099720109477'], filters: [{ Name: 'name', Values: ['ubuntu-*'] }] };
  test('when explained then the body line and the aws command appear', () => {
    const text = explainQuery(q, { PageSize: 50 }, { region: 'eu-west-1' });
    const lines = text.split('\n');
    expect(lines).toContain('Action=DescribeImages&Version=2016-11-15&Owner.1=099720109477&MaxResults=50&Filter.1.Name=name&Filter.1.Value.1=ubuntu-%2A');
    expect(lines).toContain("aws ec2 describe-images --owners 099720109477 --filters 'Name=name,Values=ubuntu-*' --page-size 50 --region eu-west-1");
    expect(text).toContain('https://ec2.eu-west-1.amazonaws.com/');
  });
  test('when --max-items is given then the stop condition is explained', () => {
    expect(explainQuery(q, { PageSize: 5, MaxItems: 3 })).toContain('or 3 images have been received');
  });
  test('when the starting token resumes inside a page then the skip is explained', () => {
    const token = Buffer.from('{"NextToken": "T5", "boto_truncate_amount": 4}').toString('base64');
    expect(explainQuery(q, { StartingToken: token })).toContain('the first 4 images of the first page are skipped');
  });
  test('when --dry-run then one request only', () => {
    expect(explainQuery({ ...q, dryRun: true }, {})).toContain('one request only');
  });
  test('when the endpoint is given then the request goes there', () => {
    expect(explainQuery(q, {}, { endpoint: 'http://127.0.0.1:4566' })).toContain('POST http://127.0.0.1:4566');
  });
});

describe('awsCliWords', () => {
  test('when every flag is set then each maps to its aws CLI flag', () => {
    expect(awsCliWords(
      { owners: ['self'], imageIds: ['ami-0123abcd'], executableUsers: ['all'], includeDeprecated: true, includeDisabled: false, dryRun: true },
      { PageSize: 9, MaxItems: 2, StartingToken: 'tok' }, { region: 'us-east-1', profile: 'p', endpoint: 'http://h' },
    )).toEqual(['aws', 'ec2', 'describe-images', '--owners', 'self', '--image-ids', 'ami-0123abcd', '--executable-users', 'all',
      '--include-deprecated', '--no-include-disabled', '--dry-run', '--max-items', '2', '--starting-token', 'tok',
      '--region', 'us-east-1', '--profile', 'p', '--endpoint-url', 'http://h']);
  });
  test('when a value has a comma or space then the filters use the JSON form', () => {
    const words = awsCliWords({ filters: [{ Name: 'name', Values: ['AlmaLinux OS 9*'] }, { Name: 'architecture', Values: ['arm64'] }] }, {});
    expect(JSON.parse(words[words.indexOf('--filters') + 1]!)).toEqual([
      { Name: 'name', Values: ['AlmaLinux OS 9*'] }, { Name: 'architecture', Values: ['arm64'] },
    ]);
  });
});

describe('shellQuote', () => {
  test('when the word is plain then it stays bare', () => {
    expect(shellQuote('ami-0123abcd')).toBe('ami-0123abcd');
  });
  test("when the word has a ' then it is closed, escaped and reopened", () => {
    expect(shellQuote("it's *")).toBe(`'it'\\''s *'`);
  });
  test('when the word is empty then it is quoted', () => {
    expect(shellQuote('')).toBe("''");
  });
});
