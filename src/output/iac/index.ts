/** The infrastructure-code formats (IAC_FORMATS): pure generators from the query and its resolved images to text. */
import type { IacFormat } from '../../query/vocabulary.js';
import { cloudformation } from './cloudformation.js';
import { packer } from './packer.js';
import { terraform } from './terraform.js';
import type { IacInput } from './types.js';

/** The snippet for `format`; throws E_IAC_UNSUPPORTED (exit 2) for what the target cannot express. */
export function generateIac(format: IacFormat, input: IacInput): string {
  switch (format) {
    case 'terraform': return terraform(input);
    case 'packer': return packer(input);
    case 'cloudformation': return cloudformation(input, 'yaml');
    case 'cloudformation-json': return cloudformation(input, 'json');
  }
}

/** Whether `format` writes resolved IDs even without --pin (CloudFormation cannot search). */
export function alwaysPinned(format: IacFormat, ssmParameter: string | undefined): boolean {
  return format.startsWith('cloudformation') && ssmParameter === undefined;
}

/** What a query finds, in words, for a snippet's first comment line (a preset says it better). */
export function describeQuery(input: Pick<IacInput, 'query' | 'selection'>): string {
  const { query: q, selection: s } = input;
  const parts = [
    q.owners?.length ? `owned by ${q.owners.join(', ')}` : 'from any owner',
    ...(q.imageIds?.length ? [`image ID ${q.imageIds.join(' or ')}`] : []),
    ...(q.filters ?? []).map((f) => `${f.Name} ${(f.Values ?? []).join(' or ')}`),
    ...(s.nameRegex !== undefined ? [`name matching /${s.nameRegex}/`] : []),
  ];
  const which = s.latest === undefined ? 'Images' : s.latest === 1 ? 'The newest image' : `The newest ${s.latest} images`;
  return `${which} ${parts.join('; ')}`;
}

/** A block-name base for a query without a preset: its first name glob without wildcards, else "ami". */
export function queryLabel(input: Pick<IacInput, 'query'>): string {
  const name = input.query.filters?.find((f) => f.Name === 'name')?.Values?.[0];
  return name?.replace(/[*?]+/g, ' ').trim() || 'ami';
}

export type { IacImage, IacInput, IacSelection } from './types.js';
