/** Endpoint URLs as ami-find accepts them, from a flag, the environment or the library's options. Pure: no SDK. */
import { usageError } from '../errors.js';
import { redactUrls } from '../redact-url.js';

/**
 * Throw a usage error (E_BAD_ENDPOINT, exit 2) unless `endpoint` is a full http(s) URL. `source`
 * names where it came from (`--endpoint-url`, `AWS_ENDPOINT_URL_EC2`), for the message.
 */
export function checkEndpointUrl(endpoint: string, source?: string): void {
  const from = source ? ` (${source})` : '';
  if (endpoint.trim() === '') {
    throw usageError(`empty endpoint URL${from}`, 'give a full URL such as https://ec2.us-east-1.amazonaws.com, or leave it out', 'E_BAD_ENDPOINT');
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw usageError(`invalid endpoint URL "${redactUrls(endpoint)}"${from}`, 'use a full URL such as https://ec2.us-east-1.amazonaws.com', 'E_BAD_ENDPOINT');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw usageError(`invalid endpoint URL "${redactUrls(endpoint)}"${from}: only http and https are supported`, undefined, 'E_BAD_ENDPOINT');
  }
}
