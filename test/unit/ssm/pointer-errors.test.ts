import { EXIT } from '../../../src/errors.js';
import { ssmError } from '../../../src/ssm/pointer.js';

/** An error shaped as the SDK throws a service answer. */
function answer(name: string, status: number, message: string): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: status } });
}

describe('ssmError', () => {
  test('when SSM refuses the credentials then the line names SSM, not EC2, with exit 5', () => {
    const e = ssmError(answer('UnrecognizedClientException', 400, 'The security token included in the request is invalid.'), '/aws/service/x');
    expect([e.exitCode, e.message]).toEqual([EXIT.CREDENTIALS,
      'SSM rejected the credentials: UnrecognizedClientException (HTTP 400): The security token included in the request is invalid.']);
  });
  test('when SSM throttles then the line names SSM with exit 7', () => {
    const e = ssmError(answer('ThrottlingException', 400, 'Rate exceeded'), '/aws/service/x');
    expect(e.exitCode).toBe(EXIT.THROTTLED);
    expect(e.message).toMatch(/^SSM throttled the request/);
  });
  test('when the parameter does not exist then it is exit 10 naming the parameter', () => {
    const e = ssmError(answer('ParameterNotFound', 400, ''), '/aws/service/none');
    expect([e.exitCode, e.message]).toEqual([EXIT.SSM_POINTER, 'SSM parameter /aws/service/none does not exist in this region']);
  });
});
