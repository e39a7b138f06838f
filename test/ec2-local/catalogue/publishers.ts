/**
 * Who publishes what: the real owner accounts (commercial partition) behind the catalogue.
 * Source: vendor docs and public Terraform/Packer configs.
 */
export const PUBLISHERS = {
  canonical: { ownerId: '099720109477', label: 'Canonical (Ubuntu)' },
  amazon: { ownerId: '137112412989', alias: 'amazon', label: 'Amazon Linux' },
  amazonEcs: { ownerId: '591542846629', alias: 'amazon', label: 'Amazon ECS-optimized' },
  amazonEks: { ownerId: '602401143452', alias: 'amazon', label: 'Amazon EKS-optimized' },
  amazonDlami: { ownerId: '898082745236', alias: 'amazon', label: 'AWS Deep Learning AMIs' },
  windows: { ownerId: '801119661308', alias: 'amazon', label: 'Windows Server (Amazon)' },
  debian: { ownerId: '136693071363', label: 'Debian' },
  redhat: { ownerId: '309956199498', label: 'Red Hat' },
  suse: { ownerId: '013907871322', label: 'SUSE' },
  rocky: { ownerId: '792107900819', label: 'Rocky Linux' },
  alma: { ownerId: '764336703387', label: 'AlmaLinux' },
  fedora: { ownerId: '125523088429', label: 'Fedora / CentOS Stream' },
  freebsd: { ownerId: '782442783595', label: 'FreeBSD' },
  nixos: { ownerId: '427812963091', label: 'NixOS' },
  /** The AWS Marketplace account most marketplace AMIs belong to. */
  marketplace: { ownerId: '679593333241', alias: 'aws-marketplace', label: 'AWS Marketplace' },
} as const;

export type PublisherKey = keyof typeof PUBLISHERS;

/** Every official publisher's owner account ID (look-alikes never use these). */
export const OFFICIAL_OWNER_IDS: readonly string[] = Object.entries(PUBLISHERS)
  .filter(([k]) => k !== 'marketplace')
  .map(([, p]) => p.ownerId);
