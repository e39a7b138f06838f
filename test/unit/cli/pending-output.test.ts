/** PendingOutput: rows lying end to end in one buffer go out as one view; order is kept whatever mixes. */
import { describe, expect, test } from '@jest/globals';
import { PendingOutput } from '../../../src/cli/pending-output.js';

const text = (chunks: (string | Uint8Array)[]) => chunks.map((c) => (typeof c === 'string' ? c : Buffer.from(c).toString())).join('');

describe('PendingOutput', () => {
  test('when rows lie end to end in one buffer then take() gives one view over them, not a copy', () => {
    const page = new Uint8Array(Buffer.from('a\nbb\nccc\n'));
    const out = new PendingOutput();
    out.addBytes(page.subarray(0, 2));
    out.addBytes(page.subarray(2, 5));
    out.addBytes(page.subarray(5, 9));
    const chunks = out.take();
    expect(chunks).toHaveLength(1);
    expect((chunks[0] as Uint8Array).buffer).toBe(page.buffer);
    expect(text(chunks)).toBe('a\nbb\nccc\n');
    expect(out.size).toBe(0);
  });

  test('when text, gaps between rows, other buffers and a prefix mix then every piece comes out once, in order', () => {
    const one = new Uint8Array(Buffer.from('1\n2\n3\n'));
    const two = new Uint8Array(Buffer.from('x\ny\n'));
    const out = new PendingOutput();
    out.addBytes(one.subarray(0, 2));
    out.addBytes(one.subarray(4, 6)); // not next to the row before
    out.addText('t\n');
    out.addBytes(two.subarray(0, 2));
    out.addBytes(two.subarray(2, 4));
    out.prependText('head\n');
    out.addBytes(one.subarray(2, 4));
    expect(out.size).toBe(17);
    expect(text(out.take())).toBe('head\n1\n3\nt\nx\ny\n2\n');
    out.prependText('only\n');
    out.addText('more\n');
    expect(text(out.take())).toBe('only\nmore\n');
    out.addBytes(one.subarray(0, 2)); // a row held, nothing else
    out.prependText('first\n');
    expect(text(out.take())).toBe('first\n1\n');
  });
});
