/**
 * Runs the preset cross-check (src/ssm/cross-check.ts) beside a `--latest` listing: the GetParameter goes
 * out once the listing's first request has, the listing's images are noted as they pass, and the one-line
 * notice follows the output. Failures (no ssm:GetParameter, no network) are silent except under --debug.
 */
import { compareAge, dated, type Dated } from '../select/newest.js';
import type { Pointer } from '../ssm/pointer.js';
import type { Image } from '../types.js';
import { say, type CliIo } from './io.js';
import type { ResolvedOptions } from './resolve.js';

/**
 * Longest wait for the pointer after the listing ended. The answer is already on stdout by then; this only
 * bounds how late the stderr note may come. Against AWS the lookup (bundle load + one GetParameter, ~0.2 s)
 * ends before a listing does; 2 s leaves room for a loaded machine without holding the exit long.
 */
export const CROSS_CHECK_GRACE_MS = 2000;

export interface CrossCheck {
  /** Called before each listing request; the first starts the lookup, after the request is on its way. */
  begin(): void;
  /** The listing's selected images, as they arrive. */
  see(images: readonly Image[]): void;
  /** After a complete listing: wait (bounded) for the pointer and print the notice if they disagree. */
  report(): Promise<void>;
  /** Stop the lookup (always called). */
  cancel(): void;
}

/** A cross-check for `opts.crossCheck`'s parameter in the listing's region. */
export function startCrossCheck(opts: ResolvedOptions, io: CliIo): CrossCheck {
  const name = opts.crossCheck!.parameter;
  const debug = (line: string) => opts.aws.debug?.(`cross-check: ${line}`);
  const controller = new AbortController();
  const byId = new Map<string, Image>();
  let newest: Dated | undefined;
  let lookup: Promise<Pointer | undefined> | undefined;
  const read = async (): Promise<Pointer | undefined> => {
    try {
      const [{ createSsmClient }, { readPointer }] = await Promise.all([import('../aws/ssm-client.js'), import('../ssm/pointer.js')]);
      // The SSM client logs nothing of its own: the check stays quiet but for its own --debug lines.
      const client = await createSsmClient({ ...opts.aws, debug: undefined });
      try {
        return await readPointer(client, name, controller.signal);
      } finally {
        client.destroy();
      }
    } catch (err) {
      debug(`${name}: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  };
  return {
    begin() {
      // A macrotask later: the listing's request is signed and written first.
      lookup ??= new Promise<void>((resolve) => { setTimeout(resolve, 0); }).then(read);
    },
    see(images) {
      for (const image of images) {
        if (image.ImageId !== undefined) byId.set(image.ImageId, image);
        const d = dated(image);
        if (newest === undefined || compareAge(d, newest) > 0) newest = d;
      }
    },
    async report() {
      if (lookup === undefined || newest === undefined) return;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<undefined>((resolve) => { timer = setTimeout(() => resolve(undefined), CROSS_CHECK_GRACE_MS); });
      const pointer = await Promise.race([lookup, late]);
      clearTimeout(timer);
      if (pointer === undefined) return debug(`${name}: no answer within ${CROSS_CHECK_GRACE_MS} ms after the listing, or none at all`);
      debug(`${name} = ${pointer.value}; --latest ${newest.image.ImageId}`);
      const { crossCheckNotice } = await import('../ssm/cross-check.js');
      const notice = crossCheckNotice(pointer, newest.image, byId.get(pointer.value), opts.now);
      if (notice !== undefined) say(io, `ami-find: ${notice}`);
    },
    cancel() {
      controller.abort(new Error('listing over'));
    },
  };
}
