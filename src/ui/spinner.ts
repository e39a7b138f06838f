/** Progress on stderr while pages arrive: an ora spinner counting pages and images (ora loads lazily). */
import type { PageProgress } from '../types.js';

/** The spinner the CLI drives from findImages' onPage callback. Every method is safe to call when disabled. */
export interface Spinner {
  /** Update the counts after a page. */
  page(p: PageProgress): void;
  /** Remove the spinner line and restore the cursor (before writing anything else to the terminal). */
  stop(): void;
}

const NO_SPINNER: Spinner = { page() {}, stop() {} };

/** Text shown for a progress report, e.g. "Fetching images: 3 pages, 2,400 images". */
export function spinnerText(p: Pick<PageProgress, 'pages' | 'totalImages'>): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return `Fetching images: ${n(p.pages)} page${p.pages === 1 ? '' : 's'}, ${n(p.totalImages)} image${p.totalImages === 1 ? '' : 's'}`;
}

/** Start a spinner on the terminal `stream` when `enabled`; otherwise a silent no-op spinner. */
export async function startSpinner(stream: NodeJS.WriteStream | undefined, enabled: boolean, color: boolean): Promise<Spinner> {
  // A pty reporting 0 columns (script(1), some CI) makes ora clear lines endlessly.
  if (!enabled || stream === undefined || !(stream.columns > 0)) return NO_SPINNER;
  const { default: ora } = await import('ora');
  // discardStdin: false keeps Ctrl-C a real SIGINT (ora's raw-mode stdin would swallow and re-emit it).
  const spinner = ora({ text: 'Fetching images', stream, isEnabled: true, discardStdin: false, color: color ? 'cyan' : false }).start();
  return {
    page(p) { spinner.text = spinnerText(p); },
    stop() { if (spinner.isSpinning) spinner.stop(); },
  };
}
