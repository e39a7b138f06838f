/** The EC2 errors the local endpoint answers with: code, HTTP status and message (contract §3.3). */

/** An error the server turns into the EC2 XML error body (contract §3.1). */
export class Ec2Error extends Error {
  constructor(readonly code: string, message: string, readonly status = 400) {
    super(message);
    this.name = code;
  }
}

/** 400 InvalidParameterValue with the given message. */
export function invalidParameterValue(message: string): Ec2Error {
  return new Ec2Error('InvalidParameterValue', message, 400);
}

/** 400 InvalidParameterValue "The filter '<name>' is invalid" (real EC2 text, contract §3.3). */
export function invalidFilter(name: string): Ec2Error {
  return invalidParameterValue(`The filter '${name}' is invalid`);
}

/** 400 InvalidParameterValue for a bad backslash escape (real EC2 text, hashicorp/packer#6572). */
export function invalidEscape(sequence: string): Ec2Error {
  return invalidParameterValue(`Invalid filter value: The escape sequence '${sequence}' is invalid`);
}

/** 400 for a boolean parameter that is not `true`/`false` (EC2 style "Value (x) for parameter y is invalid"). */
export function invalidBoolean(param: string, value: string): Ec2Error {
  return invalidParameterValue(`Value (${value}) for parameter ${param} is invalid. Expected: 'true' or 'false'.`);
}

/** 400 UnknownParameter (ERRDOC: "An input parameter is not recognized"). */
export function unknownParameter(name: string): Ec2Error {
  return new Ec2Error('UnknownParameter', `The parameter ${name} is not recognized`, 400);
}

/** 400 MissingParameter (ERRDOC). */
export function missingParameter(name: string): Ec2Error {
  return new Ec2Error('MissingParameter', `The request must contain the parameter ${name}`, 400);
}

/** Fill `{value}` in a policy message. */
export function fillMessage(template: string, value: string): string {
  return template.split('{value}').join(value);
}
