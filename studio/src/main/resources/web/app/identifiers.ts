import type { Identifier, IdentifierKind } from './clients/transcript/src';

/** The kinds of identifier a push or a project import replaces. */
export const IDENTIFIER_KINDS = ['person', 'staff', 'place', 'participant', 'other'];

/** Identifiers typed one per line as `kind: value` (a line without a kind is a person); the service checks each. */
export function parseIdentifiers(text: string): Identifier[] {
  return text.split('\n').map(line => line.trim()).filter(Boolean).map(line => {
    const colon = line.indexOf(':');
    const kind = colon > 0 ? line.slice(0, colon).trim().toLowerCase() : 'person';
    return { kind: kind as IdentifierKind, value: colon > 0 ? line.slice(colon + 1).trim() : line };
  });
}
