/**
 * Allowed AMIs, an account setting: botocore Image.ImageAllowed "If `true`, the AMI satisfies the
 * criteria for Allowed AMIs and can be discovered and used in the account. If `false` and Allowed AMIs
 * is set to `enabled`, the AMI can't be discovered or used in the account. If `false` and Allowed AMIs
 * is set to `audit-mode`, the AMI can be discovered and used in the account." Only the image-provider
 * criterion is modelled (account IDs and the aliases `amazon`, `aws-marketplace`, `aws-backup-vault`).
 * The caller's own images always count as allowed: UNVERIFIED (README "Catalogue").
 */
import type { CatalogueImage } from '../types.js';

export interface AllowedAmisSetting {
  state: 'enabled' | 'audit-mode';
  /** Owner account IDs and owner aliases whose images are allowed. */
  imageProviders: string[];
}

/** How one request sees images under the setting. */
export interface AllowedAmisView {
  /** False for images the caller cannot discover (setting `enabled`, criteria not met). */
  discoverable: (img: CatalogueImage) => boolean;
  /** The image with `ImageAllowed` set (the image itself when the setting is disabled). */
  show: (img: CatalogueImage) => CatalogueImage;
}

const DISABLED: AllowedAmisView = { discoverable: () => true, show: (img) => img };

/** The view of `setting` for a caller of account `accountId`. */
export function allowedAmisView(setting: AllowedAmisSetting | undefined, accountId: string): AllowedAmisView {
  if (setting === undefined) return DISABLED;
  const providers = new Set(setting.imageProviders);
  const allowed = (img: CatalogueImage) => img.OwnerId === accountId || providers.has(img.OwnerId ?? '')
    || (img.ImageOwnerAlias !== undefined && providers.has(img.ImageOwnerAlias));
  return {
    discoverable: setting.state === 'enabled' ? allowed : () => true,
    show: (img) => ({ ...img, ImageAllowed: allowed(img) }),
  };
}
