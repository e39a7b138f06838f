/** Streams a DescribeImages page: large pages go out in chunks so a million-image answer never builds one string. */
import type { ServerResponse } from 'node:http';
import type { Image } from '@aws-sdk/client-ec2';
import { describeImagesHead, describeImagesTail, renderDescribeImagesXml, renderImageFields } from './image-xml.js';

const SMALL_PAGE = 200;
const CHUNK_ITEMS = 500;

/** Write one page with the given headers; resolves when the body is handed to the socket. */
export async function writeImagesPage(
  res: ServerResponse,
  images: Image[],
  nextToken: string | undefined,
  requestId: string,
  headers: Record<string, string>,
  emptySet: 'element' | 'omit' = 'element',
): Promise<void> {
  if (images.length <= SMALL_PAGE) {
    const body = renderDescribeImagesXml(images, nextToken, requestId, emptySet);
    res.writeHead(200, { ...headers, 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
    return;
  }
  // Real EC2 answers with Transfer-Encoding: chunked (contract §2.1).
  res.writeHead(200, headers);
  res.write(describeImagesHead(requestId));
  for (let i = 0; i < images.length; i += CHUNK_ITEMS) {
    let chunk = '';
    for (const img of images.slice(i, i + CHUNK_ITEMS)) chunk += `<item>${renderImageFields(img)}</item>`;
    if (!res.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => { res.off('drain', done); res.off('close', done); resolve(); };
        res.on('drain', done);
        res.on('close', done);
      });
      if (res.destroyed) return;
    }
  }
  res.end(describeImagesTail(nextToken));
}
