/**
 * A translation in progress, kept in this browser until it is submitted: a refused or failed submit (412, 503, a lost
 * connection) never loses what was typed, and a reload picks up where the translator left off.
 */
export class TranslationDraft {
  private readonly key: string;

  constructor(transcriptId: string) {
    this.key = `chorus-translation-draft:${transcriptId}`;
  }

  /** The paragraphs typed so far (paragraph number to English), empty when there is no draft. */
  load(): Map<number, string> {
    try {
      const stored = JSON.parse(localStorage.getItem(this.key) ?? '{}') as Record<string, string>;
      return new Map(Object.entries(stored).map(([n, english]) => [Number(n), english]));
    } catch {
      return new Map();
    }
  }

  save(english: Map<number, string>): void {
    localStorage.setItem(this.key, JSON.stringify(Object.fromEntries(english)));
  }

  discard(): void {
    localStorage.removeItem(this.key);
  }
}
