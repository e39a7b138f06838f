/**
 * `-o cloudformation`: CloudFormation cannot search images, so it gets what ami-find resolved, as a Mappings
 * region map (one image per region, read with Fn::FindInMap), or, given the publisher's SSM parameter, a
 * parameter of type AWS::SSM::Parameter::Value<AWS::EC2::Image::Id> that resolves it at deploy time (docs/IAC.md).
 * YAML has every scalar double-quoted (JSON's escapes, which YAML's double-quoted style shares); JSON via JSON.stringify.
 */
import { comments } from './hcl.js';
import { groupByRegion } from './pinned.js';
import { refuse } from './semantics.js';
import type { IacInput } from './types.js';

/** The two syntaxes a template may be written in. */
export type CfnSyntax = 'yaml' | 'json';

/** The SSM parameter type CloudFormation resolves to an image ID. */
export const SSM_IMAGE_TYPE = 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>';

/** Characters YAML does not take literally in a double-quoted scalar (C1 controls, DEL), or that hide text (Cf, separators). */
const YAML_UNSAFE = /[\u007f-\u009f\p{Cf}\u2028\u2029]/gu;

/** `s` as a YAML double-quoted scalar. */
export function yamlString(s: string): string {
  return JSON.stringify(s).replace(YAML_UNSAFE, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

/** A logical ID: letters and digits only, starting with a letter (CloudFormation's rule for names). */
export function logicalId(label: string, suffix: string): string {
  const words = label.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1));
  const id = `${words.join('')}${suffix}`;
  return /^[A-Za-z]/.test(id) ? id : `Ami${id}`;
}

const key = (k: string) => (PLAIN_KEY.test(k) ? k : yamlString(k));

type Tree = { [key: string]: string | Tree };

/** Keys YAML reads as plain text in 1.1 and 1.2 alike (no yes/no/on/off, no numbers): left unquoted. */
const PLAIN_KEY = /^(?!(?:y|n|yes|no|on|off|true|false|null)$)[A-Za-z][A-Za-z0-9-]*$/i;

/** A tree of mappings with string leaves as block YAML, keys and values quoted. */
function yamlTree(tree: Tree, indent = ''): string {
  return Object.entries(tree).map(([k, v]) => (typeof v === 'string'
    ? `${indent}${key(k)}: ${yamlString(v)}\n`
    : `${indent}${key(k)}:\n${yamlTree(v, `${indent}  `)}`)).join('');
}

function render(input: IacInput, syntax: CfnSyntax, tree: Tree, notes: string[]): string {
  if (syntax === 'json') {
    const metadata = { AmiFind: { Finds: input.description, Reproduce: input.command, Notes: notes } };
    return `${JSON.stringify({ Metadata: metadata, ...tree }, null, 2)}\n`;
  }
  return comments([input.description, `Reproduce: ${input.command}`, ...notes.map((n) => `Note: ${n}`)]) + yamlTree(tree);
}

/** The CloudFormation template fragment for `input` (throws E_IAC_UNSUPPORTED when it has no form there). */
export function cloudformation(input: IacInput, syntax: CfnSyntax = 'yaml'): string {
  if (input.ssmParameter !== undefined) {
    const id = logicalId(input.label, 'ImageId');
    const notes = [`CloudFormation reads ${input.ssmParameter} at each stack create and update: the publisher's choice of image,`
      + " not ami-find's query (presets follow the same pointer where one exists).", `use it as !Ref ${id}.`];
    return render(input, syntax, {
      Parameters: { [id]: { Type: SSM_IMAGE_TYPE, Default: input.ssmParameter, Description: input.description.slice(0, 4000) } },
    }, notes);
  }
  if (!input.pin) {
    refuse('cloudformation', 'a query: CloudFormation cannot search for images',
      'it takes the IDs ami-find resolves (a region map) or the publisher\'s SSM parameter (--ssm)');
  }
  if (!input.pin.one) refuse('cloudformation', 'a list: a region map holds one image per region', 'add --latest');
  const groups = groupByRegion(input.pin.images, input.region, true);
  if (groups.has(undefined)) refuse('cloudformation', 'an image without a region: the map is keyed by region', 'pass --region');
  const name = logicalId(input.label, 'Ami');
  const regions: Tree = {};
  for (const [region, [image]] of groups) regions[region!] = { ImageId: image!.id };
  const notes = [
    'pinned: these IDs stay as they are when a newer image is published; rerun the command to refresh.',
    `use it as !FindInMap [${name}, !Ref "AWS::Region", ImageId].`,
    ...(input.knownSsmParameter !== undefined
      ? [`the publisher's SSM parameter ${input.knownSsmParameter} follows new releases at deploy time instead (--ssm).`] : []),
    ...input.pin.images.map((i) => `${i.region ?? input.region}: ${i.id}${i.name !== undefined ? ` ${i.name}` : ''}`),
  ];
  return render(input, syntax, { Mappings: { [name]: regions } }, notes);
}
