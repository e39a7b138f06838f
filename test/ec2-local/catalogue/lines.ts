/** Every line of the catalogue, official first (look-alikes sample the official names). */
import type { Line, LineKind } from './line.js';
import { UBUNTU_LINES } from './naming/ubuntu.js';
import { AMAZON_LINES } from './naming/amazon.js';
import { WINDOWS_LINES } from './naming/windows.js';
import { ENTERPRISE_LINES } from './naming/enterprise.js';
import { COMMUNITY_DISTRO_LINES } from './naming/community-distros.js';
import { THIRD_PARTY_LINES } from './naming/third-party.js';
import { PRIVATE_LINES } from './naming/private.js';
import { RARE_LINES } from './naming/rare-lines.js';

export const LINES: readonly Line[] = [
  ...UBUNTU_LINES, ...AMAZON_LINES, ...WINDOWS_LINES, ...ENTERPRISE_LINES, ...COMMUNITY_DISTRO_LINES,
  ...THIRD_PARTY_LINES, ...PRIVATE_LINES, ...RARE_LINES,
];

/** Share of the records (beyond minimums) each kind of line gets. */
export const KIND_SHARE: Record<LineKind, number> = {
  official: 0.14,
  lookalike: 0.02,
  marketplace: 0.2,
  community: 0.58,
  self: 0.045,
  other: 0.01,
  backup: 0.005,
};
