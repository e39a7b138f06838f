/**
 * The shapes shared across ami-find's modules. Image and Filter are the SDK's own types
 * (type-only imports: nothing of the SDK is loaded by importing this file).
 */
import type { DescribeImagesCommandInput, Filter, Image } from '@aws-sdk/client-ec2';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { Parser, RetryMode } from './query/vocabulary.js';

export type { DescribeImagesCommandInput, Filter, Image };

/** What to ask DescribeImages for: the server-side part of a query. */
export interface ImageQuery {
  owners?: string[];
  imageIds?: string[];
  executableUsers?: string[];
  filters?: Filter[];
  includeDeprecated?: boolean;
  includeDisabled?: boolean;
  dryRun?: boolean;
}

/** boto3's PaginationConfig, with its names: MaxItems is client-side, PageSize is MaxResults. */
export interface PaginationConfig {
  MaxItems?: number;
  PageSize?: number;
  /** A botocore-format resume token, or a raw EC2 NextToken. */
  StartingToken?: string;
}

/** How to reach EC2. Everything unset falls back to the SDK's own chain (env, config files). */
export interface AwsClientOptions {
  region?: string;
  profile?: string;
  /** Endpoint override URL; unset lets the SDK honour AWS_ENDPOINT_URL_EC2 / AWS_ENDPOINT_URL. */
  endpoint?: string;
  maxAttempts?: number;
  /** The SDK's retry mode; unset, the SDK's default (AWS_RETRY_MODE, the profile, else standard). 'legacy' runs as standard. */
  retryMode?: RetryMode;
  /** Milliseconds a connection may take to open (default 10 s); then the attempt fails as a timeout and is retried. */
  connectTimeoutMs?: number;
  /** Milliseconds an open connection may stay silent, waiting for or within an answer (default 60 s); retried likewise. */
  readTimeoutMs?: number;
  /** DescribeImages response parser (default 'fast'; 'sdk' switches back to the SDK's). */
  parser?: Parser;
  /** The Image members the caller reads (undefined: all); the fast parser builds only these, faster. */
  fields?: readonly ImageField[];
  /**
   * Hand each image as its JSON text in this layout instead of its members (`image[IMAGE_JSON]`),
   * for callers that print images whole and read nothing else (-o json, -o ndjson). A page's texts
   * must be read before the page after next arrives (they share two buffers); reading later
   * throws. Pages outside the converter's subset still come as objects.
   */
  json?: JsonLayout;
  /** Receives debug lines (requests, timings) with credentials and signatures redacted. */
  debug?: (line: string) => void;
  /** A credential provider shared between clients (EC2 and SSM: one resolution, e.g. one AssumeRole); unset, each builds its own. */
  credentials?: AwsCredentialIdentityProvider;
}

/** One page as DescribeImages returns it. `Images` may be undefined on real EC2. */
export interface ImagePage {
  Images?: Image[];
  NextToken?: string;
}

/** An Image member name ('ImageId', 'Name', ...). */
export type ImageField = keyof Image;

/** The narrow interface over EC2 that the core needs: one DescribeImages call. */
export interface ImagePageSource {
  describeImagesPage(input: DescribeImagesCommandInput, signal?: AbortSignal): Promise<ImagePage>;
}

/** Progress reported after each page arrives; the CLI hooks its spinner to this. */
export interface PageProgress {
  /** 1-based number of pages fetched so far. */
  pages: number;
  /** Images on this page. */
  pageImages: number;
  /** Images fetched so far, across pages. */
  totalImages: number;
  /** Milliseconds this page took. */
  ms: number;
}

/** How an image's JSON text is laid out: `indent` as JSON.stringify's third argument, every line `depth` levels deeper. */
export interface JsonLayout {
  readonly indent: string;
  readonly depth: number;
}

/** Where an image from a client with AwsClientOptions.json carries its JSON text (an image without it has members). */
export const IMAGE_JSON: unique symbol = Symbol('ami-find image JSON text');

/** An Image, or one carrying its JSON text in place of its members. */
export type MaybeJsonImage = Image & { readonly [IMAGE_JSON]?: string };
