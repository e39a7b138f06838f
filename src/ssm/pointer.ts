/** One SSM public parameter read as an image pointer: GetParameter, with SSM's failures as AmiFindErrors. */
import type { SSMClient } from '@aws-sdk/client-ssm';
import { toAmiFindError } from '../aws/errors.js';
import { loadSsmSdk } from '../aws/sdk.js';
import { AmiFindError, EXIT } from '../errors.js';

/** A parameter's value and when it last changed. */
export interface Pointer {
  name: string;
  value: string;
  version?: number;
  lastModified?: Date;
  dataType?: string;
}

/** EC2 image IDs: `ami-` and 8 or 17 hex digits. */
export const AMI_ID = /^ami-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;

/** Map an SSM failure for parameter `name` to an AmiFindError (exit 10 for the parameter itself, 6 for permission). */
export function ssmError(err: unknown, name: string, operation = 'ssm:GetParameter'): AmiFindError {
  if (err instanceof AmiFindError) return err;
  const code = (err as { name?: string } | null)?.name;
  if (code === 'ParameterNotFound') {
    return new AmiFindError('E_SSM_NOT_FOUND', EXIT.SSM_POINTER, `SSM parameter ${name} does not exist in this region`,
      'browse the publisher\'s parameters with `ami-find ssm /aws/service/<publisher>`', { cause: err });
  }
  if (code === 'AccessDeniedException') {
    return new AmiFindError('E_SSM_UNAUTHORIZED', EXIT.UNAUTHORIZED, `not authorized to read SSM parameter ${name}`,
      `the identity needs ${operation}`, { cause: err });
  }
  if (code === 'ValidationException') {
    return new AmiFindError('E_SSM_REJECTED', EXIT.REQUEST_REJECTED, `SSM rejected the request for ${name}: ${(err as Error).message}`, undefined, { cause: err });
  }
  return toAmiFindError(err, { service: 'SSM' });
}

/** Read one parameter (one GetParameter); throws E_SSM_NOT_FOUND, E_SSM_UNAUTHORIZED or the usual AWS errors. */
export async function readPointer(client: SSMClient, name: string, signal?: AbortSignal): Promise<Pointer> {
  const { GetParameterCommand } = loadSsmSdk();
  try {
    const out = await client.send(new GetParameterCommand({ Name: name }), { abortSignal: signal });
    const p = out.Parameter;
    return { name: p?.Name ?? name, value: p?.Value ?? '', version: p?.Version, lastModified: p?.LastModifiedDate, dataType: p?.DataType };
  } catch (err) {
    throw ssmError(err, name);
  }
}

/** The pointer's AMI ID, or E_SSM_NOT_AMI (exit 9) when the parameter holds something else. */
export function pointerImageId(p: Pointer): string {
  if (AMI_ID.test(p.value)) return p.value;
  const shown = p.value.length > 60 ? `${p.value.slice(0, 57)}...` : p.value;
  throw new AmiFindError('E_SSM_NOT_AMI', EXIT.SSM_POINTER, `SSM parameter ${p.name} does not hold an AMI ID (value ${JSON.stringify(shown)}${p.dataType ? `, data type ${p.dataType}` : ''})`,
    'image pointers hold ami-... values (data type aws:ec2:image)');
}
