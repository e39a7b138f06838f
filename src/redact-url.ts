/**
 * Why: an endpoint URL may carry a password (`--endpoint-url http://user:pw@proxy:8080`), and
 * --debug, --explain and error messages print the endpoint. Every place that prints one passes it
 * through redactUrls (one URL, or any text holding URLs): the explain lines, the debug log, the
 * messages of mapped errors and endpoint usage errors, and every stderr line (src/cli/io.ts say),
 * so a URL echoed inside some other message is covered too. The user name stays (it says which account);
 * the password becomes `***`.
 */

/** A scheme, `://`, then userinfo up to the last `@` before the host (greedy: a password may hold `@`). */
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@"'<>]*(?:@[^\s/?#@"'<>]*)*)@/gi;

function redactUserinfo(userinfo: string): string {
  const colon = userinfo.indexOf(':');
  return colon < 0 ? userinfo : `${userinfo.slice(0, colon)}:***`;
}

/** Every URL in `text` with the password of its userinfo replaced by `***` (`http://user:***@host`). */
export function redactUrls(text: string): string {
  if (!text.includes('://')) return text;
  return text.replace(USERINFO, (_m, scheme: string, userinfo: string) => `${scheme}${redactUserinfo(userinfo)}@`);
}
