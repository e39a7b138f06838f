/** Deterministic pools of third-party account IDs (never an official publisher or a test account). */
import { fmix32 } from './rng.js';
import { OFFICIAL_OWNER_IDS } from './publishers.js';
import { OTHER_ACCOUNT, SELF_ACCOUNT } from '../../support/accounts.js';

const RESERVED = new Set([...OFFICIAL_OWNER_IDS, SELF_ACCOUNT, OTHER_ACCOUNT]);

/** `size` distinct 12-digit account IDs derived from `salt`. */
export function ownerPool(salt: number, size: number): string[] {
  const out = new Set<string>();
  for (let i = 0; out.size < size; i++) {
    const hi = fmix32((i * 2 + 1) ^ salt) % 1_000_000;
    const lo = fmix32((i * 2 + 2) ^ salt) % 1_000_000;
    const id = `${String(hi).padStart(6, '0')}${String(lo).padStart(6, '0')}`;
    if (!RESERVED.has(id)) out.add(id);
  }
  return [...out];
}

/** Community (public, no alias) owners. */
export const COMMUNITY_OWNERS: readonly string[] = ownerPool(0x5eed1, 2000);
