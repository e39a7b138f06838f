/**
 * Which images a caller sees (contract §4.1, §4.5): public, owned, or shared with the caller;
 * Owner.N and ExecutableBy.N narrow that scope; deprecated images are hidden from non-owners
 * unless IncludeDeprecated or asked by ImageId; disabled images only reach their owner with
 * IncludeDisabled. How Owners, ExecutableBy and filters combine is UNVERIFIED: AND, as moto does.
 * A caller that does not own an image sees it without the members of `hiddenFromNonOwners`
 * (README "Visibility"): user tags are documented as not shared; the others are a policy.
 */
import type { CatalogueImage } from '../types.js';
import { Ec2Error, fillMessage } from './errors.js';

/** The scope part of a DescribeImages request. */
export interface ScopeQuery {
  owners: string[];
  executableBy: string[];
  includeDeprecated: boolean;
  includeDisabled: boolean;
  /** The request named ImageIds (bypasses deprecation hiding, contract §4.5 [DEPDOC]). */
  byImageId: boolean;
}

/** What the scope rules need to know about the caller and the world. */
export interface ScopeContext {
  accountId: string;
  /** Accounts in the caller's organization (org/OU launch permissions). */
  organizationAccounts: ReadonlySet<string>;
  nowMs: number;
}

const ACCOUNT_ID = /^[0-9]{12}$/;
const OWNER_ALIASES = new Set(['amazon', 'aws-marketplace', 'aws-backup-vault']);

/** 400 InvalidUserID.Malformed (contract §3.3; the message text is UNVERIFIED, hence a template). */
export function malformedUserId(id: string, template: string): Ec2Error {
  return new Ec2Error('InvalidUserID.Malformed', fillMessage(template, id), 400);
}

/** Throw InvalidUserID.Malformed for owners/executable users that are neither account IDs nor aliases. */
export function validateScope(q: Pick<ScopeQuery, 'owners' | 'executableBy'>, messageTemplate: string): void {
  for (const o of q.owners) {
    if (!(o === 'self' || OWNER_ALIASES.has(o) || ACCOUNT_ID.test(o))) throw malformedUserId(o, messageTemplate);
  }
  for (const u of q.executableBy) {
    if (!(u === 'self' || u === 'all' || ACCOUNT_ID.test(u))) throw malformedUserId(u, messageTemplate);
  }
}

/** True when the caller may see the image at all: public, owned, or shared with it. */
export function isAvailable(img: CatalogueImage, ctx: ScopeContext): boolean {
  if (img.State === 'disabled' && img.OwnerId !== ctx.accountId) return false;
  return img.Public === true || img.OwnerId === ctx.accountId
    || (img.LaunchPermissionUserIds?.includes(ctx.accountId) ?? false)
    || (img.LaunchPermissionOrgShared === true && ctx.organizationAccounts.has(ctx.accountId));
}

function ownerMatches(img: CatalogueImage, owner: string, ctx: ScopeContext): boolean {
  if (owner === 'self') return img.OwnerId === ctx.accountId;
  if (OWNER_ALIASES.has(owner)) return img.ImageOwnerAlias === owner;
  return img.OwnerId === owner;
}

function executableMatches(img: CatalogueImage, user: string, ctx: ScopeContext): boolean {
  if (user === 'all') return img.Public === true;
  const self = user === 'self' || user === ctx.accountId;
  const account = self ? ctx.accountId : user;
  if (img.LaunchPermissionUserIds?.includes(account)) return true;
  // [M] ExecutableUsers: org/OU shares count only for self, never for another account's ID.
  return self && img.LaunchPermissionOrgShared === true && ctx.organizationAccounts.has(ctx.accountId);
}

/** Compile the scope rules of one request into a predicate over (image, deprecation instant). */
export function compileScope(q: ScopeQuery, ctx: ScopeContext): (img: CatalogueImage, deprecatedAtMs: number) => boolean {
  return (img, deprecatedAtMs) => {
    if (!isAvailable(img, ctx)) return false;
    const owned = img.OwnerId === ctx.accountId;
    if (img.State === 'disabled' && !(owned && q.includeDisabled)) return false;
    if (deprecatedAtMs <= ctx.nowMs && !(q.includeDeprecated || owned || q.byImageId)) return false;
    if (q.owners.length > 0 && !q.owners.some((o) => ownerMatches(img, o, ctx))) return false;
    if (q.executableBy.length > 0 && !q.executableBy.some((u) => executableMatches(img, u, ctx))) return false;
    return true;
  };
}

/** Members of an image that only its owner sees; the rest of the image is shown to whoever may see it. */
export type OwnerOnlyMember = 'Tags' | 'LastLaunchedTime' | 'SourceInstanceId' | 'DeregistrationProtection';

/**
 * The image as a non-owner sees it: without the `hidden` members. A shallow copy is made only for an
 * image that has one of them, and only for images on a page (filters use `filterMember` instead).
 */
export function nonOwnerView(hidden: readonly OwnerOnlyMember[]): (img: CatalogueImage) => CatalogueImage {
  return (img) => {
    if (!hidden.some((m) => img[m] !== undefined)) return img;
    const view = { ...img };
    for (const m of hidden) delete view[m];
    return view;
  };
}
