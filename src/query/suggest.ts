/** "Did you mean": optimal-string-alignment distance with a cap and a minimum similarity, as commander's suggestSimilar. */

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d[i] = [i];
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

const MAX_DISTANCE = 3;
const MIN_SIMILARITY = 0.4;

/** The candidate closest to `word` (case-insensitive), else the one it is a unique 3+ character prefix of. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  if (w === '') return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    const distance = editDistance(w, c);
    const similarity = (Math.max(w.length, c.length) - distance) / Math.max(w.length, c.length);
    if (distance <= MAX_DISTANCE && similarity > MIN_SIMILARITY && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined) return best;
  if (w.length >= 3) {
    const prefixed = candidates.filter((c) => c.toLowerCase().startsWith(w));
    if (prefixed.length === 1) return prefixed[0];
  }
  return undefined;
}

/** " (did you mean 'x'?)" for an error message, or '' when nothing is close. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  return meanText(suggest(word, candidates));
}

/** " (did you mean 'guess'?)", or '' without a guess: the one spelling of that hint. */
export function meanText(guess: string | undefined): string {
  return guess === undefined ? '' : ` (did you mean '${guess}'?)`;
}
