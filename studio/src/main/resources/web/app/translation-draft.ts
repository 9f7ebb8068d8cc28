/**
 * A translation in progress, kept in this browser tab until it is submitted: a refused or failed submit (412, 503, a lost
 * connection) never loses what was typed, and a reload picks up where the translator left off. Session storage, not local
 * storage: a participant's words in translation leave the device when the tab closes or the translator signs out, and
 * are never kept past a withdrawal on a machine nobody uses again.
 */
export class TranslationDraft {
  private static readonly PREFIX = 'chorus-translation-draft:';
  private readonly key: string;

  constructor(transcriptId: string) {
    this.key = TranslationDraft.PREFIX + transcriptId;
  }

  /** Every draft in this tab: what signing out drops. */
  static discardAll(): void {
    Object.keys(sessionStorage).filter(key => key.startsWith(TranslationDraft.PREFIX)).forEach(key => sessionStorage.removeItem(key));
  }

  /** The paragraphs typed so far (paragraph number to English), empty when there is no draft. */
  load(): Map<number, string> {
    try {
      const stored = JSON.parse(sessionStorage.getItem(this.key) ?? '{}') as Record<string, string>;
      return new Map(Object.entries(stored).map(([n, english]) => [Number(n), english]));
    } catch {
      return new Map();
    }
  }

  save(english: Map<number, string>): void {
    sessionStorage.setItem(this.key, JSON.stringify(Object.fromEntries(english)));
  }

  discard(): void {
    sessionStorage.removeItem(this.key);
  }
}
