/** The NextToken that asks the benchmark server for page `index`: fixed width, so it can be stamped into templates. */
export function pageToken(index: number): string {
  return `p${String(index).padStart(5, '0')}`;
}
