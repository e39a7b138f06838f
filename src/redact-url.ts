/** Passwords in URLs shown as `***` wherever an endpoint is printed (explain, debug log, errors, every stderr line). */

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
