/**
 * Third-party lines: AWS Marketplace products, community images from many accounts, and
 * look-alikes that reuse official names under other owners (AMI sniping, saltstack/salt#56240).
 */
import type { Arch, BuildVars, Line } from '../line.js';
import { LINUX_GP3 } from '../traits.js';
import { PUBLISHERS } from '../publishers.js';
import { COMMUNITY_OWNERS } from '../owners.js';
import { pick, randomHex } from '../rng.js';

const uuid = (v: BuildVars): string =>
  `${randomHex(v.rng, 8)}-${randomHex(v.rng, 4)}-4${randomHex(v.rng, 3)}-a${randomHex(v.rng, 3)}-${randomHex(v.rng, 12)}`;
const deb = (a: Arch): string => (a === 'arm64' ? 'arm64' : 'x86_64');

/** Marketplace products: name stem, version, product code (shared by every version). */
const PRODUCTS: readonly (readonly [string, string, string])[] = [
  ['bitnami-wordpress', '6.', 'a8ahq0aq9wt12sn6h4m4m86ph'],
  ['bitnami-nginx', '1.2', '2t8mpc0q9rb3bp4yvnvwvflpf'],
  ['bitnami-postgresql', '16.', '6p3h7ak3n8k0xzt0jbk4ru3lz'],
  ['OpenVPN Access Server', '2.1', 'f2ew2wrz425a1jagnifbzi2sl'],
  ['CIS Ubuntu Linux 22.04 LTS Benchmark - Level 1', 'v1.', '7c6l3pcmvlctjbzbxbh1vz6jq'],
  ['fortinet-FGTVM64_AWSONDEMAND', '7.4.', 'dlaioq277sglm5mw1y1dmeuqa'],
  ['Hardened Debian 12 by Tidal & Co <CIS>', '1.', '5qz8n4o9zc6mwmpxo2yy4m2oo'],
];

const marketplace: Line = {
  key: 'marketplace-products',
  kind: 'marketplace',
  owner: PUBLISHERS.marketplace.ownerId,
  alias: 'aws-marketplace',
  weight: 1,
  min: 4,
  window: [1095, 1],
  arches: ['x86_64'],
  scope: 'all',
  public: true,
  name: (v) => {
    const [stem, ver] = PRODUCTS[v.k % PRODUCTS.length]!;
    return `${stem}-${ver}${v.k % 97}-r${String(v.k % 13).padStart(2, '0')}-linux-debian-12-${deb(v.arch)}-hvm-ebs-nami-${uuid(v)}`;
  },
  description: (v) => `${PRODUCTS[v.k % PRODUCTS.length]![0]} packaged for AWS Marketplace (build ${v.ymd})`,
  traits: { ...LINUX_GP3, volumeSize: 10 },
  productCode: (v) => PRODUCTS[v.k % PRODUCTS.length]![2],
};

const APPS = ['nginx', 'postgres', 'redis', 'gitlab-runner', 'jenkins', 'k3s', 'vault', 'grafana', 'minecraft', 'openvpn'];
const BASES = ['ubuntu-22.04', 'ubuntu-24.04', 'al2023', 'debian-12', 'rocky-9'];

function community(arch: Arch, weight: number): Line {
  return {
    key: `community-${arch}`,
    kind: 'community',
    owner: (v) => pick(v.rng, COMMUNITY_OWNERS),
    weight,
    min: 4,
    window: [1095, 0],
    arches: [arch],
    scope: 'one',
    public: true,
    // Every template carries the build index and the architecture, so names never repeat.
    name: (v) => {
      const app = APPS[v.k % APPS.length]!;
      const base = BASES[(v.k >> 3) % BASES.length]!;
      switch (v.k % 4) {
        case 0: return `packer-${app}-${v.arch}-${Math.floor(v.date.getTime() / 1000)}-${v.k}`;
        case 1: return `${app}-${base}-${v.arch}-${v.ymd}-build${v.k}`;
        case 2: return `${base}-${app}-golden-${v.arch}-v${1 + (v.k % 9)}.${v.k}`;
        default: return `ami-builder/${app}/${v.arch}/${v.ymd}/${v.k}`;
      }
    },
    description: (v) => `${APPS[v.k % APPS.length]} on ${BASES[(v.k >> 3) % BASES.length]} (community build)`,
    traits: LINUX_GP3,
    deprecateDays: 0,
  };
}

/** Copies of official images listed by AWS Marketplace under the very same name. */
const lookalikeMarketplace: Line = {
  key: 'lookalike-marketplace',
  kind: 'lookalike',
  owner: PUBLISHERS.marketplace.ownerId,
  alias: 'aws-marketplace',
  weight: 1,
  min: 4,
  window: [1095, 1],
  arches: ['x86_64'],
  scope: 'all',
  public: true,
  // `n` counts how often the sample of official names wrapped around (0 in practice).
  name: (v) => (v.n ? `${v.source!.name} copy ${v.n}` : v.source!.name),
  description: (v) => v.source!.description,
  traits: LINUX_GP3,
  productCode: (v) => `lookalike${String(v.k % 10000).padStart(4, '0')}mpcode000000`,
};

/** Public community copies of official names: what owner pinning protects against. */
const lookalikeCommunity: Line = {
  ...lookalikeMarketplace,
  key: 'lookalike-community',
  owner: (v) => COMMUNITY_OWNERS[v.k % COMMUNITY_OWNERS.length]!,
  alias: undefined,
  productCode: undefined,
};

/** Every third-party line. */
export const THIRD_PARTY_LINES: readonly Line[] = [
  marketplace,
  community('x86_64', 3),
  community('arm64', 1),
  lookalikeMarketplace,
  lookalikeCommunity,
];

/** The line that absorbs rounding so counts are exact (one record per build). */
export const FILLER_KEY = 'community-x86_64';
