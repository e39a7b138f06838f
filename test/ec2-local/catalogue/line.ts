/**
 * The catalogue's building block: a "line" is one product stream (one publisher, one naming
 * scheme, e.g. Ubuntu 24.04 server) that publishes builds over a time window.
 */
import type { CatalogueImage } from '../types.js';
import type { Rng } from './rng.js';

export type Arch = 'x86_64' | 'arm64' | 'i386' | 'x86_64_mac' | 'arm64_mac';

/** What a namer knows about one build of a line. */
export interface BuildVars {
  /** Creation time of the build (the home-region copy). */
  date: Date;
  /** `YYYYMMDD` of `date`. */
  ymd: string;
  /** 0 for the first build of that day in this line, then 1, 2, ... */
  n: number;
  /** `ymd`, or `ymd.n` for later builds on the same day (Canonical's serial format). */
  serial: string;
  /** Index of the build in its line (0 = oldest). */
  k: number;
  arch: Arch;
  /** Random stream of the line, for names that carry noise (hashes, build numbers). */
  rng: Rng;
  /** Four uniforms fixed per logical image (the same in every region), for decorations. */
  u: readonly number[];
  /** For look-alikes: the official image whose name is reused. */
  source?: { name: string; description: string; arch: Arch; date: Date };
}

/** Hardware and billing traits of a line's images. */
export interface Traits {
  platformDetails: string;
  usageOperation: string;
  windows?: boolean;
  virtualization?: 'hvm' | 'paravirtual';
  rootType?: 'ebs' | 'instance-store';
  rootDevice: '/dev/xvda' | '/dev/sda1' | '/dev/sda';
  volumeSize: number;
  volumeType: 'gp2' | 'gp3' | 'standard';
  /** Ephemeral (instance-store) mappings to list after the root volume. */
  ephemeral?: number;
  /** Boot mode by architecture; absent means EC2 leaves the field out. */
  bootMode?: Partial<Record<Arch, 'legacy-bios' | 'uefi' | 'uefi-preferred'>>;
  tpm?: boolean;
  imdsV2?: boolean;
  ena?: boolean;
  sriov?: boolean;
  freeTier?: boolean;
}

/** A point in time: an ISO date, or a number of days before "now". */
export type DateSpec = string | number;

export type LineKind = 'official' | 'lookalike' | 'marketplace' | 'community' | 'self' | 'other' | 'backup';

/** Extra per-image decoration (tags, permissions, states) applied after the common fields. */
export type Decorate = (img: CatalogueImage, v: BuildVars, ctx: DecorateContext) => void;

export interface DecorateContext {
  now: Date;
  /** Catalogue regions (the first is the home region). */
  regions: readonly string[];
  /** True for the home-region record of a logical image. */
  home: boolean;
}

export interface Line {
  key: string;
  kind: LineKind;
  /** Owner account; a function picks among a pool (community/marketplace owners). */
  owner: string | ((v: BuildVars) => string);
  alias?: 'amazon' | 'aws-marketplace' | 'aws-backup-vault';
  /** Share of the catalogue's records beyond the minimums (relative to other lines). */
  weight: number;
  /** Builds every catalogue has, however small (when the window is open). */
  min: number;
  /** Most builds the line can have (names without a date run out). */
  cap?: number;
  /**
   * The line's records are taken out of the filler line's share rather than out of the spare records
   * every weighted line divides, so adding such a line changes no other line's build count.
   */
  fromFiller?: boolean;
  /** Publication window; clipped to the last three years unless `old`. */
  window: [DateSpec, DateSpec];
  old?: boolean;
  arches: readonly Arch[];
  /** 'all': published in every catalogue region; 'one': lives in one region. */
  scope: 'all' | 'one';
  public: boolean;
  name(v: BuildVars): string;
  description(v: BuildVars): string;
  traits: Traits | ((v: BuildVars) => Traits);
  /** SSM public parameter naming the line's latest image (set on the newest build). */
  ssm?: (arch: Arch) => string;
  /** Days from creation to DeprecationTime (public default 730; AL2023 90). 0 = none. */
  deprecateDays?: number;
  productCode?: (v: BuildVars) => string;
  decorate?: Decorate;
}
