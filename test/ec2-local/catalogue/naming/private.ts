/**
 * Private lines: the caller's own account (SELF_ACCOUNT) with tags, shares, disabled and
 * deprecated images; OTHER_ACCOUNT sharing with self (directly or via the organization);
 * AWS Backup logically air-gapped vault images shared with self.
 */
import type { BuildVars, DecorateContext, Line } from '../line.js';
import type { CatalogueImage } from '../../types.js';
import { LINUX_GP3 } from '../traits.js';
import { OTHER_ACCOUNT, SELF_ACCOUNT } from '../../../support/accounts.js';
import { DAY_MS } from '../dates.js';
import { randomHex } from '../rng.js';

const TEAMS = ['platform', 'data', 'payments', 'R&D <core>', 'sécurité'];
const ENVS = ['prod', 'staging', 'dev'];
const APPS = ['api', 'worker', 'web', 'batch', 'bastion'];
const iso = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString();

/** Names that stress XML escaping and UTF-8 on every client (all unique). */
const ODD_NAMES = [
  `R&D <build> "quoted" 'single'`,
  'café-ünïcødé-日本語-🚀-image',
  'tab&amp;already-escaped &lt;literal&gt;',
  'spaces  double  and trailing ',
  'backslash\\star*question?',
];

function tagsFor(v: BuildVars, name: string): CatalogueImage['Tags'] {
  const tags = [
    { Key: 'team', Value: TEAMS[Math.floor(v.u[0]! * TEAMS.length)]! },
    // The same env as app image names carry, so names and tags agree.
    { Key: 'env', Value: ENVS[(v.k >> 2) % ENVS.length]! },
    { Key: 'app', Value: APPS[v.k % APPS.length]! },
    { Key: 'Name', Value: name },
  ];
  if (v.u[2]! < 0.3) tags.push({ Key: 'cost-center', Value: `cc-${100 + (v.k % 7)}` });
  return tags;
}

function decorateSelf(img: CatalogueImage, v: BuildVars, ctx: DecorateContext): void {
  const [u0, u1, u2, u3] = v.u as [number, number, number, number];
  img.Tags = tagsFor(v, img.Name!);
  img.SourceInstanceId = `i-0${randomHex(v.rng, 16)}`;
  img.LastLaunchedTime = iso(ctx.now.getTime() - Math.floor(u3 * 60) * DAY_MS - 3_600_000);
  if (u0 < 0.25) img.LaunchPermissionUserIds = [OTHER_ACCOUNT];
  if (u1 < 0.06) img.State = 'disabled';
  if (u2 < 0.1) img.DeprecationTime = iso(ctx.now.getTime() - (1 + Math.floor(u3 * 100)) * DAY_MS);
  else if (u2 < 0.2) img.DeprecationTime = iso(ctx.now.getTime() + (1 + Math.floor(u3 * 300)) * DAY_MS);
  // The real values (EnableImageDeregistrationProtection WithCooldown true/false); 'enabled' alone is not one.
  if (u3 < 0.3) img.DeregistrationProtection = u3 < 0.2 ? 'enabled-with-cooldown' : 'enabled-without-cooldown';
  if (u3 > 0.7) {
    const ebs = img.BlockDeviceMappings![0]!.Ebs!;
    ebs.Encrypted = true;
    ebs.KmsKeyId = `arn:aws:kms:${img.Region}:${SELF_ACCOUNT}:key/${randomHex(v.rng, 8)}-${randomHex(v.rng, 4)}-4${randomHex(v.rng, 3)}-8${randomHex(v.rng, 3)}-${randomHex(v.rng, 12)}`;
  }
}

function decorateOther(img: CatalogueImage, v: BuildVars): void {
  const [u0, u1] = v.u as [number, number];
  img.Tags = tagsFor(v, img.Name!);
  if (u0 < 0.4) img.LaunchPermissionUserIds = [SELF_ACCOUNT];
  else if (u0 < 0.6) img.LaunchPermissionOrgShared = true;
  if (u1 < 0.08) img.State = 'disabled';
  else if (u1 < 0.2) img.DeprecationTime = iso(Date.parse(img.CreationDate!) + 200 * DAY_MS);
}

const base = { kind: 'self' as const, owner: SELF_ACCOUNT, public: false, arches: ['x86_64', 'arm64'] as const,
  traits: LINUX_GP3, deprecateDays: 0, decorate: decorateSelf };

/** Golden images copied to every region (copies carry SourceImageId/SourceImageRegion). */
const selfGolden: Line = {
  ...base,
  key: 'self-golden',
  weight: 1,
  min: 3,
  window: [700, 0],
  scope: 'all',
  name: (v) => `golden/al2023-base-${v.arch}-${v.ymd}.${v.n}`,
  description: (v) => `Golden AL2023 base image (Packer, ${v.ymd})`,
};

/** Per-application images living in one region. */
const selfApps: Line = {
  ...base,
  key: 'self-apps',
  weight: 3,
  min: 8,
  window: [900, 0],
  scope: 'one',
  name: (v) => `app-${APPS[v.k % APPS.length]}-${ENVS[(v.k >> 2) % ENVS.length]}-${v.arch}-${v.ymd}-${v.k}`,
  description: (v) => `${APPS[v.k % APPS.length]} service image built from commit ${randomHex(v.rng, 7)}`,
};

/** A handful of XML-hostile and unicode names and descriptions. */
const selfOdd: Line = {
  ...base,
  key: 'self-odd',
  weight: 0,
  min: ODD_NAMES.length,
  cap: ODD_NAMES.length,
  window: [300, 2],
  arches: ['x86_64'],
  scope: 'one',
  name: (v) => ODD_NAMES[v.k % ODD_NAMES.length]!,
  description: () => `Test & <verify> "escaping" of 'XML' — ünïcødé ✓`,
  decorate: (img, v, ctx) => {
    decorateSelf(img, v, ctx);
    img.State = 'available';
    delete img.DeprecationTime;
    img.Tags!.push({ Key: 'note & <x>', Value: `"v" & 'w' <z> 日本` });
  },
};

const otherShared: Line = {
  ...base,
  kind: 'other',
  key: 'other-shared',
  owner: OTHER_ACCOUNT,
  weight: 1,
  min: 6,
  window: [800, 1],
  scope: 'one',
  name: (v) => `partner-${APPS[v.k % APPS.length]}-${v.arch}-${v.ymd}-${v.k}`,
  description: () => 'Image shared by a partner account',
  decorate: decorateOther,
};

/** Logically air-gapped vault copies (owner alias aws-backup-vault), restorable by self. */
const backupVault: Line = {
  ...base,
  kind: 'backup',
  key: 'backup-vault',
  owner: '905418347726',
  alias: 'aws-backup-vault',
  weight: 0.3,
  min: 2,
  window: [365, 1],
  arches: ['x86_64'],
  scope: 'one',
  name: (v) => `AwsBackup_i-0${randomHex(v.rng, 16)}_${v.ymd}${v.n}`,
  description: () => 'This image is created by the AWS Backup service.',
  decorate: (img) => {
    img.LaunchPermissionUserIds = [SELF_ACCOUNT];
  },
};

/** Every private line, with its category. */
export const PRIVATE_LINES: readonly Line[] = [selfGolden, selfApps, selfOdd, otherShared, backupVault];
