/** The age units `--created-after` / `--created-before` accept: the parser, its hint and the help derive from this list. */
export const AGE_UNITS = [
  { unit: 'min', example: '90min' },
  { unit: 'h', example: '12h' },
  { unit: 'd', example: '30d' },
  { unit: 'w', example: '2w' },
  { unit: 'mo', example: '6mo' },
  { unit: 'y', example: '1y' },
] as const;

/** One example age per unit, for help and hints: `90min, 12h, 30d, 2w, 6mo, 1y`. */
export const AGE_EXAMPLES = AGE_UNITS.map((u) => u.example).join(', ');
