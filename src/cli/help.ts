/** The text commander prints after the main command's help: examples, output formats, exit codes. */
import { EXIT_DESCRIPTIONS } from '../errors.js';

/** Example command lines, shown after the option list. */
const EXAMPLES = `
Examples:
  ami-find ubuntu:24.04 --arch arm64 --latest          newest Ubuntu 24.04 arm64 image from Canonical
  ami-find al2023 --created-after 90d                  Amazon Linux 2023 images of the last 90 days
  ami-find --owner self --tag team=web -o wide         my own images tagged team=web
  ami-find --owner amazon --name 'al2023-ami-2023.*' -o json | jq -r '.Images[].ImageId'
  ami-find --owner self --max-items 50                 first 50, then resume with --starting-token
  ami-find show ami-0123456789abcdef0                  everything about one image
  ami-find -i                                          pick interactively; prints the chosen ID`;

/** What each output format does with the text of images (anyone can publish one); the README says it again. */
const OUTPUT_FORMATS_HELP = `
Output formats:
  table, wide, show  for people: control characters (ESC, BEL, C1), bidi
                     controls, zero-width characters and line separators in
                     image text are shown escaped (\\x1b, \\u202e)
  csv                RFC 4180; a cell starting with = + - @ tab or CR gets a
                     leading ' (no spreadsheet formulas)
  tsv                \\t \\n \\r \\\\ escaped; values otherwise exact (no ' added)
  csv, tsv           at a terminal, control, bidi and invisible characters
                     escaped as for table; piped, written as they are
  json, ndjson       exact API values: C0 controls escaped as JSON requires,
                     the rest (C1, bidi) as it is
  errors, --debug    on stderr, escaped as for table; URL passwords as ***`;

/** The "Exit codes:" block of the help, from EXIT_DESCRIPTIONS. */
function exitCodesHelp(): string {
  const lines = Object.entries(EXIT_DESCRIPTIONS).map(([code, text]) => `  ${code.padStart(3)}  ${text}`);
  return `\nExit codes:\n${lines.join('\n')}\n`;
}

/** Everything after the option list of `ami-find --help`. */
export function mainHelpEpilogue(): string {
  return `${EXAMPLES}\n${OUTPUT_FORMATS_HELP}\n${exitCodesHelp()}`;
}
