/** Images and a fixed "now" shared by the output tests. */
import type { Image } from '../../../src/types.js';
import type { StreamWriter } from '../../../src/output/formatter.js';

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

/** A row as text. */
export function rowText(w: Pick<StreamWriter, 'row'>, image: Image): string {
  return w.row(image);
}

/** Run a writer over images and return everything it produced. */
export function run(w: StreamWriter, images: Image[], nextToken?: string): string {
  return w.begin() + images.map((i) => rowText(w, i)).join('') + w.end(nextToken === undefined ? {} : { nextToken });
}
