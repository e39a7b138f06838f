/** The peer drivers themselves: absence is loud, errors carry EC2's code, tokens come back. */
import { spawnSync } from 'node:child_process';
import { boto3Paginate, pythonPeers, requirePeer, PeerEc2Error } from '../support/peers.js';
import { startEc2Local, type Ec2Local } from '../ec2-local/server/index.js';
import { generateCatalogue } from '../ec2-local/catalogue/index.js';

describe('python peers', () => {
  it('when a peer is absent then requirePeer throws naming the peer and how to get it', () => {
    expect(() => requirePeer('moto', { boto3: true, moto: false, awsCli: true })).toThrow(/"moto" is not available.*python3-moto/);
    expect(() => requirePeer('boto3', { boto3: true, moto: false, awsCli: true })).not.toThrow();
  });

  it('when peers are probed then the answer matches importing boto3 directly', () => {
    const direct = spawnSync('python3', ['-c', 'import boto3'], { stdio: 'ignore' }).status === 0;
    expect(pythonPeers().boto3).toBe(direct);
  });

  describe('boto3Paginate against the local endpoint', () => {
    let server: Ec2Local;
    beforeAll(async () => {
      requirePeer('boto3');
      server = await startEc2Local({ catalogue: generateCatalogue({ images: 1000, seed: 'peers' }) });
    });
    afterAll(async () => server?.close());

    it('when MaxItems cuts the listing then a botocore resume token comes back and resuming continues', async () => {
      const q = { owners: ['self'] };
      const first = await boto3Paginate(server.url, q, { PageSize: 5, MaxItems: 3 });
      expect(first.images).toHaveLength(3);
      expect(JSON.parse(Buffer.from(first.nextToken!, 'base64').toString())).toMatchObject({ boto_truncate_amount: 3 });
      const rest = await boto3Paginate(server.url, q, { PageSize: 5, StartingToken: first.nextToken });
      const all = await boto3Paginate(server.url, q, { PageSize: 50 });
      expect([...first.images, ...rest.images].map((i) => i.ImageId)).toEqual(all.images.map((i) => i.ImageId));
      expect(rest.nextToken).toBeUndefined();
    }, 60_000);

    it('when EC2 answers an error then it surfaces as PeerEc2Error with the code and status', async () => {
      const err = await boto3Paginate(server.url, { filters: [{ Name: 'no-such-filter', Values: ['x'] }] }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PeerEc2Error);
      expect([(err as PeerEc2Error).code, (err as PeerEc2Error).status]).toEqual(['InvalidParameterValue', 400]);
    }, 60_000);
  });
});
