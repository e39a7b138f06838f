/** Images and a fixed "now" shared by the output tests. */
import type { Image } from '../../../src/types.js';

export const NOW = new Date('2025-03-01T00:00:00.000Z');

export const UBUNTU: Image = {
  ImageId: 'ami-0123456789abcdef0', Name: 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-20250115',
  OwnerId: '099720109477', Architecture: 'arm64', CreationDate: '2025-01-15T10:00:00.000Z',
  DeprecationTime: '2027-01-15T10:00:00.000Z', State: 'available', Public: true,
};

export const OLD: Image = {
  ImageId: 'ami-0aaaaaaa', Name: 'legacy-build', OwnerId: '123456789012', Architecture: 'x86_64',
  CreationDate: '2023-01-15T10:00:00.000Z', DeprecationTime: '2025-01-15T10:00:00.000Z',
  Description: 'has, "quotes"\tand tab\nand newline \\ backslash',
};

export const BARE: Image = { ImageId: 'ami-0bbbbbbb' };

/** Run a writer over images and return everything it produced. */
export function run(w: { begin(): string; row(i: Image): string; end(m?: { nextToken?: string }): string },
  images: Image[], nextToken?: string): string {
  return w.begin() + images.map((i) => w.row(i)).join('') + w.end(nextToken === undefined ? {} : { nextToken });
}
