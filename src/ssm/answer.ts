/**
 * `--ssm` for one (profile, region): the publisher's pointer (one GetParameter), then its image by ID
 * (one DescribeImages). A function of one region's AWS settings, so a fan-out can run it per unit.
 */
import { credentialChain } from '../aws/client.js';
import { createSsmClient } from '../aws/ssm-client.js';
import { AmiFindError, EXIT } from '../errors.js';
import { findImages } from '../find-images.js';
import { creationTime } from '../select/newest.js';
import type { AwsClientOptions, Image } from '../types.js';
import { pointerImageId, readPointer, type Pointer } from './pointer.js';

/** What one region's pointer resolves to. */
export interface SsmAnswer {
  pointer: Pointer;
  image: Image;
  /** The image is deprecated (only returned with includeDeprecated). */
  deprecated: boolean;
}

export interface SsmAnswerOptions {
  /** Return a deprecated pointer target instead of failing with E_SSM_DEPRECATED. */
  includeDeprecated?: boolean;
  now: Date;
  signal?: AbortSignal;
}

/** Whether `image` is deprecated at `now` (DeprecationTime passed). */
export function isDeprecated(image: Image, now: Date): boolean {
  const t = image.DeprecationTime === undefined ? NaN : Date.parse(image.DeprecationTime);
  return !Number.isNaN(t) && t <= now.getTime();
}

/** Read parameter `name` in the region of `aws` and describe the image it points at; exit 9 errors for a bad pointer. */
export async function answerFromSsm(unit: AwsClientOptions, name: string, opts: SsmAnswerOptions): Promise<SsmAnswer> {
  // One credential resolution for both calls (a role profile: one AssumeRole, not two).
  const aws = { ...unit, credentials: unit.credentials ?? credentialChain(unit) };
  const client = await createSsmClient(aws);
  let pointer: Pointer;
  try {
    pointer = await readPointer(client, name, opts.signal);
  } finally {
    client.destroy();
  }
  const id = pointerImageId(pointer);
  let image: Image | undefined;
  try {
    // Asked by ID, EC2 shows a deprecated image too (test/ec2-local/README.md, Visibility): decided here instead.
    for await (const found of findImages({ imageIds: [id], includeDeprecated: true }, { aws, signal: opts.signal })) image ??= found;
  } catch (err) {
    if (!(err instanceof AmiFindError && err.code === 'E_IMAGE_NOT_FOUND')) throw err;
  }
  if (image === undefined) {
    throw new AmiFindError('E_SSM_IMAGE_NOT_VISIBLE', EXIT.SSM_POINTER, `SSM parameter ${name} points at ${id}, which EC2 does not show in this region`,
      'the image may be unpublished, not shared with this account, or not yet copied to this region');
  }
  const deprecated = isDeprecated(image, opts.now);
  if (deprecated && !opts.includeDeprecated) {
    throw new AmiFindError('E_SSM_DEPRECATED', EXIT.SSM_POINTER,
      `SSM parameter ${name} points at ${id}, deprecated since ${image.DeprecationTime}`, 'the publisher has not moved the pointer yet; --include-deprecated prints the image anyway');
  }
  return { pointer, image, deprecated };
}

/** How much older (ms) the pointer's image is than `other`: positive when `other` is newer. */
export function ageGap(pointerImage: Image, other: Image): number {
  return creationTime(other) - creationTime(pointerImage);
}
