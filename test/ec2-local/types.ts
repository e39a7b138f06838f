/**
 * The local EC2 endpoint's catalogue record: an SDK `Image` plus what EC2 keeps about it
 * that DescribeImages does not show directly (launch permissions, the region it lives in).
 */
import type { Image } from '@aws-sdk/client-ec2';

export interface CatalogueImage extends Image {
  /** Region this image lives in; image IDs are region-specific. */
  Region: string;
  /** Accounts granted launch permission (besides the owner). Public images also have Public=true. */
  LaunchPermissionUserIds?: string[];
  /** Shared with an organization/OU the caller belongs to (counts as "shared with self"). */
  LaunchPermissionOrgShared?: boolean;
  /**
   * Public SSM parameters this image was ever the value of, the current one included (catalogue only:
   * the `public-ssm-parameter-name` filter "Returns all AMIs that have ever been associated with the
   * parameter, including previous versions", JS SDK DescribeImagesRequest.Filters).
   */
  PublicSsmParameterHistory?: readonly string[];
}

/** A whole catalogue: the images and the accounts the server knows. */
export interface Catalogue {
  images: CatalogueImage[];
  /** Access key ID -> account ID, to know who "self" is for a request. */
  accessKeys: Record<string, string>;
  /** Account used for unknown access keys. */
  defaultAccountId: string;
  regions: RegionInfo[];
}

export interface RegionInfo {
  RegionName: string;
  Endpoint: string;
  OptInStatus: 'opt-in-not-required' | 'opted-in' | 'not-opted-in';
  Geography: string;
}
