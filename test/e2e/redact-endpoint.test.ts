/**
 * A password in the endpoint URL (`http://user:pw@host`) never reaches stdout or stderr: --debug,
 * --explain and error messages show `user:***@` (src/redact-url.ts). Built bin, local endpoint.
 */
import { IDS } from '../ec2-local/fixtures/ids.js';
import { runBin, useFixtureEndpoint } from './cli-support.js';

const local = useFixtureEndpoint();
const SECRET = 's3cret-Pa55';
const withPassword = () => local.server.url.replace('http://', `http://user:${SECRET}@`);

describe('endpoint passwords are redacted', () => {
  test('when --debug lists through an endpoint with a password then the log shows user:*** and never the password', async () => {
    const r = await runBin(['--owner', 'self', '-o', 'ids', '--debug', '--endpoint-url', withPassword()], local.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(IDS.selfPrivate);
    expect(r.stderr).toMatch(/debug: client: region us-east-1, endpoint http:\/\/user:\*\*\*@127\.0\.0\.1:\d+/);
    expect(r.stderr + r.stdout).not.toContain(SECRET);
  });
  test('when show --debug uses such an endpoint then the password is hidden too', async () => {
    const r = await runBin(['show', IDS.selfPrivate, '--debug', '--endpoint-url', withPassword()], local.env);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('user:***@');
    expect(r.stderr + r.stdout).not.toContain(SECRET);
  });
  test('when --explain names the endpoint (flag or AWS_ENDPOINT_URL_EC2) then the request line and the AWS CLI line hide the password', async () => {
    for (const [args, env] of [
      [['--endpoint-url', withPassword()], local.env],
      [[], { ...local.env, AWS_ENDPOINT_URL_EC2: withPassword() }],
    ] as const) {
      const r = await runBin(['--owner', 'self', '--explain', ...args], env);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^# DescribeImages request: POST http:\/\/user:\*\*\*@127\.0\.0\.1:\d+ /);
      expect(r.stdout).toMatch(/--endpoint-url 'http:\/\/user:\*\*\*@127\.0\.0\.1:\d+'/);
      expect(r.stdout + r.stderr).not.toContain(SECRET);
    }
  });
  test('when the endpoint URL with a password is invalid then the usage error hides the password', async () => {
    for (const url of [`http://user:${SECRET}@127.0.0.1:1 x`, `ftp://user:${SECRET}@127.0.0.1/`]) {
      const r = await runBin(['--owner', 'self', '--endpoint-url', url], local.env);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^ami-find: invalid endpoint URL "\w+:\/\/user:\*\*\*@127\.0\.0\.1/);
      expect(r.stderr).not.toContain(SECRET);
    }
  });
});
