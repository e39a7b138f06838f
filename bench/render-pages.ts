/** Renders the benchmark catalogue into DescribeImages pages with ec2-local's renderer (tokens `p` + 5 digits). */
import type { Image } from '@aws-sdk/client-ec2';
import { iterateCatalogueImages } from '../test/ec2-local/catalogue/index.js';
import { renderDescribeImagesXml } from '../test/ec2-local/server/index.js';
import { pageToken } from './page-token.js';

/** `pages` pages of `perPage` images from the generated catalogue (seed fixed), as UTF-8 buffers; the last has no token. */
export function renderPages(pages: number, perPage: number, lastPage = pages): Buffer[] {
  const out: Buffer[] = [];
  let batch: Image[] = [];
  const flush = () => {
    const index = out.length;
    const token = index + 1 < lastPage ? pageToken(index + 1) : undefined;
    out.push(Buffer.from(renderDescribeImagesXml(batch, token, `bench-${index}`)));
    batch = [];
  };
  for (const { Region: _r, LaunchPermissionUserIds: _u, LaunchPermissionOrgShared: _o, ...img } of iterateCatalogueImages({ images: pages * perPage, seed: 'bench' })) {
    batch.push(img);
    if (batch.length === perPage) {
      flush();
      if (out.length === pages) break;
    }
  }
  if (batch.length > 0 && out.length < pages) flush();
  return out;
}
