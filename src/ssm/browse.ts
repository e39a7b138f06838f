/** `ami-find ssm <path>` for one (profile, region): every parameter under a path (GetParametersByPath, recursive, paged), with its image's name. */
import type { SSMClient } from '@aws-sdk/client-ssm';
import { credentialChain } from '../aws/client.js';
import { createSsmClient } from '../aws/ssm-client.js';
import { loadSsmSdk } from '../aws/sdk.js';
import { findImages } from '../find-images.js';
import type { AwsClientOptions } from '../types.js';
import { AMI_ID, ssmError, type Pointer } from './pointer.js';

/** One parameter, with the name of the image it points at (when it holds a visible AMI ID). */
export interface BrowsedParameter extends Pointer {
  imageName?: string;
}

/** SSM's largest page of GetParametersByPath (botocore: GetParametersByPathMaxResults max 10). */
const PAGE = 10;
/** Image IDs per DescribeImages call when naming the images. */
const IDS_PER_CALL = 100;

async function* parametersUnder(client: SSMClient, path: string, signal?: AbortSignal): AsyncGenerator<Pointer> {
  const { GetParametersByPathCommand } = loadSsmSdk();
  let token: string | undefined;
  do {
    let out;
    try {
      out = await client.send(new GetParametersByPathCommand({ Path: path, Recursive: true, MaxResults: PAGE, NextToken: token }), { abortSignal: signal });
    } catch (err) {
      throw ssmError(err, path, 'ssm:GetParametersByPath');
    }
    for (const p of out.Parameters ?? []) {
      yield { name: p.Name ?? '', value: p.Value ?? '', version: p.Version, lastModified: p.LastModifiedDate, dataType: p.DataType };
    }
    token = out.NextToken;
  } while (token);
}

/** Every parameter under `path` in the region of `aws`, sorted by name, with image names (DescribeImages by ID, deprecated included). */
export async function browseParameters(unit: AwsClientOptions, path: string, signal?: AbortSignal): Promise<BrowsedParameter[]> {
  const aws = { ...unit, credentials: unit.credentials ?? credentialChain(unit) };
  const client = await createSsmClient(aws);
  const params: BrowsedParameter[] = [];
  try {
    for await (const p of parametersUnder(client, path, signal)) params.push(p);
  } finally {
    client.destroy();
  }
  const ids = [...new Set(params.map((p) => p.value).filter((v) => AMI_ID.test(v)))];
  const names = new Map<string, string>();
  for (let i = 0; i < ids.length; i += IDS_PER_CALL) {
    // An ID EC2 no longer shows fails the whole call (InvalidAMIID.NotFound): such rows keep no name.
    try {
      const query = { imageIds: ids.slice(i, i + IDS_PER_CALL), includeDeprecated: true };
      for await (const img of findImages(query, { aws: { ...aws, fields: ['ImageId', 'Name'] }, signal })) names.set(img.ImageId ?? '', img.Name ?? '');
    } catch (err) {
      aws.debug?.(`ssm: naming images: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  for (const p of params) p.imageName = names.get(p.value);
  return params.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
