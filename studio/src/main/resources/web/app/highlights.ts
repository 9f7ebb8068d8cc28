import type { CodingView } from './api';

/** A run of a paragraph's text and how many codings cover it (0 where none does). */
export interface Stretch {
  text: string;
  depth: number;
}

/**
 * The paragraph's text cut where codings start and end, each piece with the number of codings over it, so that
 * overlapping codings show as deeper highlights. Offsets count Unicode code points, as the API does; a coding's start
 * offset applies in its first paragraph and its end offset in its last, a paragraph in between is covered whole.
 */
export function stretches(text: string, n: number, codings: CodingView[]): Stretch[] {
  const points = [...text];
  const depth = new Array<number>(points.length + 1).fill(0);
  for (const c of codings) {
    if ((c.firstParagraph ?? 0) > n || n > (c.lastParagraph ?? 0)) {
      continue;
    }
    const from = c.firstParagraph === n ? Math.min(points.length, c.startOffset ?? 0) : 0;
    const to = c.lastParagraph === n ? Math.min(points.length, c.endOffset ?? points.length) : points.length;
    depth[from] += 1;
    depth[to] -= 1;
  }
  const result: Stretch[] = [];
  let level = 0;
  for (let i = 0; i < points.length; i++) {
    level += depth[i];
    const last = result[result.length - 1];
    if (last && last.depth === level) {
      last.text += points[i];
    } else {
      result.push({ text: points[i], depth: level });
    }
  }
  return result;
}
