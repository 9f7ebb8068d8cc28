import type { CodeView } from './api';

/** The codes a coding may take, in the codebook's order, each with the path of names above it. */
export interface CodableCode {
  code: CodeView;
  path: string;
}

export function codableCodes(codes: CodeView[], above = ''): CodableCode[] {
  return codes.flatMap(code => {
    const path = above ? `${above} › ${code.name}` : code.name ?? '';
    const own = code.codable && !code.retiredIn ? [{ code, path }] : [];
    return [...own, ...codableCodes(code.children ?? [], path)];
  });
}

/** A code's definition, criteria and example, as one tooltip. */
export function describe(code: CodeView): string {
  return [code.definition, code.inclusion && `Include when: ${code.inclusion}`, code.exclusion && `Exclude when: ${code.exclusion}`,
    code.example && `Example: ${code.example}`].filter(Boolean).join('\n');
}
