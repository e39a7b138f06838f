/** Windows Server lines published by Amazon (owner 801119661308, alias amazon, Platform windows). */
import type { BuildVars, Line, Traits } from '../line.js';
import { WINDOWS } from '../traits.js';
import { PUBLISHERS } from '../publishers.js';

const dotted = (v: BuildVars): string => v.date.toISOString().slice(0, 10).replace(/-/g, '.');

function windows(ver: string, flavour: string, from: string, traits: Traits, weight: number): Line {
  const stem = `Windows_Server-${ver}-English-${flavour}`;
  return {
    key: `windows-${ver}-${flavour}`,
    kind: 'official',
    owner: PUBLISHERS.windows.ownerId,
    alias: 'amazon',
    weight,
    min: 2,
    window: [from, 4],
    arches: ['x86_64'],
    scope: 'all',
    public: true,
    name: (v) => `${stem}-${dotted(v)}${v.n ? `.${v.n}` : ''}`,
    description: () =>
      `Microsoft Windows Server ${ver} ${flavour.replace(/-/g, ' ').replace('Base', 'Locale English AMI provided by Amazon')}`,
    traits,
    ssm: () => `/aws/service/ami-windows-latest/${stem}`,
  };
}

const W2025: Traits = { ...WINDOWS, volumeType: 'gp3', bootMode: { x86_64: 'uefi' }, tpm: true, imdsV2: true, freeTier: true };
const SQL: Traits = { ...WINDOWS, platformDetails: 'Windows with SQL Server Standard', usageOperation: 'RunInstances:0006', volumeSize: 50 };

/** Every Windows line. */
export const WINDOWS_LINES: readonly Line[] = [
  windows('2019', 'Full-Base', '2019-01-09', { ...WINDOWS, freeTier: true }, 1),
  windows('2022', 'Full-Base', '2021-09-01', { ...WINDOWS, freeTier: true }, 2),
  windows('2022', 'Core-Base', '2021-09-01', WINDOWS, 1),
  windows('2022', 'Full-SQL_2022_Standard', '2022-11-16', SQL, 1),
  windows('2025', 'Full-Base', '2024-11-13', W2025, 2),
];
