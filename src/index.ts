/**
 * ami-find as a library: `findImages(query, options)` is the same query the CLI runs, as a typed
 * async iterator of images, with no printing and no exiting. Importing this module has no side
 * effects and loads no part of the AWS SDK (it is loaded on the first request).
 */
export { findImages, type FindEverywhereOptions, type FindOptions } from './find-images.js';
export { fanOut, DEFAULT_CONCURRENCY, type FanOutListing, type FanOutOptions, type UnitBatch } from './fan-out/listing.js';
export { failureLine, failureReason, type UnitFailure } from './fan-out/failure.js';
export type { OriginImage, Unit } from './fan-out/units.js';
export { createListing, DEFAULT_PAGE_SIZE, type ImageListing, type ListingOptions } from './paginate/listing.js';
export { decodeStartingToken, encodeResumeToken, type ResumeToken } from './paginate/token.js';
export { createEc2PageSource, lazyEc2PageSource } from './aws/page-source.js';
export { createEc2Client } from './aws/client.js';
export { toAmiFindError, type ErrorContext } from './aws/errors.js';
export { queryToInput } from './query/to-input.js';
export { AmiFindError, EXIT, EXIT_DESCRIPTIONS, type ExitCode } from './errors.js';
export { generateIac, type IacImage, type IacInput, type IacSelection } from './output/iac/index.js';
export { IMAGE_JSON } from './types.js';
export type {
  AwsClientOptions,
  DescribeImagesCommandInput,
  Filter,
  Image,
  ImageField,
  ImagePage,
  ImagePageSource,
  ImageQuery,
  JsonLayout,
  MaybeJsonImage,
  PageProgress,
  PaginationConfig,
} from './types.js';
