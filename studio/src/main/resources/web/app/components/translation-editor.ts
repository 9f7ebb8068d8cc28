import { LitElement, css, html } from 'lit';
import type { Api, TranscriptView } from '../api';
import { sameWindow, windowAround, windowAt, type RowWindow } from '../paragraph-window';
import { refusalOf, type Refusal } from '../problem';
import { screenStyles } from '../styles';
import { TranslationDraft } from '../translation-draft';

/** Every row is this tall, so that the spacers above and below the rendered rows stand exactly for the rows they replace. */
const ROW_HEIGHT = 96;

/**
 * Original and English side by side, aligned by paragraph number, for transcripts of thousands of paragraphs: only the
 * rows in view are rendered. What is typed is kept as a draft in this browser tab at once (until it closes or the translator signs out); Submit sends the whole translation.
 * Alt+Down and Alt+Up move to the next and previous paragraph, Alt+N to the next one not yet translated.
 */
export class TranslationEditor extends LitElement {
  static properties = {
    api: { attribute: false },
    site: {},
    transcriptId: { attribute: 'transcript-id' },
    transcript: { state: true },
    rows: { state: true },
    refusal: { state: true },
    saved: { state: true },
    busy: { state: true },
  };

  declare api: Api;
  declare site: string;
  declare transcriptId: string;
  declare transcript?: TranscriptView;
  declare rows: RowWindow;
  declare refusal?: Refusal;
  declare saved?: string;
  declare busy: boolean;
  private english = new Map<number, string>();
  private draft?: TranslationDraft;

  static styles = [screenStyles, css`
    .scroller { height: 70vh; overflow-y: auto; border: 1px solid #bcccdc; }
    .row { display: grid; grid-template-columns: 5rem 1fr 1fr; gap: 0.5rem; height: ${ROW_HEIGHT}px; box-sizing: border-box;
      padding: 0.25rem 0.5rem; border-bottom: 1px solid #d9e2ec; }
    .original { overflow-y: auto; }
    textarea { width: 100%; height: ${ROW_HEIGHT - 12}px; box-sizing: border-box; font: inherit; resize: none; }
    .untranslated textarea { background: #fffbea; }
  `];

  constructor() {
    super();
    this.rows = { start: 0, end: 0 };
    this.busy = false;
  }

  override async connectedCallback() {
    super.connectedCallback();
    this.draft = new TranslationDraft(this.transcriptId);
    try {
      const transcript = await this.api.originals.getTranscript({ site: this.site, id: this.transcriptId });
      this.english = new Map((transcript.paragraphs ?? []).filter(p => p.english).map(p => [p.n ?? 0, p.english ?? '']));
      const drafted = this.draft.load();
      drafted.forEach((text, n) => this.english.set(n, text));
      if (drafted.size) {
        this.saved = `A draft of ${drafted.size} paragraphs from this browser was restored.`;
      }
      this.transcript = transcript;
      this.rows = windowAt(0, window.innerHeight, ROW_HEIGHT, this.count());
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  private count(): number {
    return this.transcript?.paragraphs?.length ?? 0;
  }

  private get scroller(): HTMLElement | null {
    return this.renderRoot.querySelector('.scroller');
  }

  private scrolled() {
    const scroller = this.scroller!;
    const rows = windowAt(scroller.scrollTop, scroller.clientHeight, ROW_HEIGHT, this.count());
    if (!sameWindow(rows, this.rows)) {
      this.rows = rows;
    }
  }

  private typed(n: number, text: string) {
    if (text.trim()) {
      this.english.set(n, text);
    } else {
      this.english.delete(n);
    }
    this.draft?.save(this.english);
    this.saved = `Draft kept in this browser tab at ${new Date().toLocaleTimeString()} (${this.english.size} of ${this.count()} translated).`;
  }

  /** Brings paragraph index (0-based) into view and puts the cursor in its English. */
  private async goTo(index: number) {
    const scroller = this.scroller;
    if (!scroller || index < 0 || index >= this.count()) {
      return;
    }
    this.rows = windowAround(index, scroller.clientHeight, ROW_HEIGHT, this.count());
    scroller.scrollTop = Math.max(0, index * ROW_HEIGHT - scroller.clientHeight / 2);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>(`textarea[data-index="${index}"]`)?.focus();
  }

  private nextUntranslated(from: number) {
    const paragraphs = this.transcript?.paragraphs ?? [];
    const next = paragraphs.findIndex((p, i) => i > from && !this.english.has(p.n ?? 0));
    const wrapped = next >= 0 ? next : paragraphs.findIndex(p => !this.english.has(p.n ?? 0));
    if (wrapped >= 0) {
      this.goTo(wrapped);
    }
  }

  private key(event: KeyboardEvent, index: number) {
    if (!event.altKey) {
      return;
    }
    const moves: Record<string, () => void> = {
      ArrowDown: () => this.goTo(index + 1),
      ArrowUp: () => this.goTo(index - 1),
      n: () => this.nextUntranslated(index),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      move();
    }
  }

  private async submit() {
    this.busy = true;
    try {
      const paragraphs = [...this.english].sort(([a], [b]) => a - b).map(([n, english]) => ({ n, english }));
      this.transcript = await this.api.workflow.translateTranscript({ site: this.site, id: this.transcriptId, translation: { paragraphs } });
      this.draft?.discard();
      this.refusal = undefined;
      this.saved = `Submitted: the transcript is now ${this.transcript.status}; it needs two reviewers.`;
    } catch (error) {
      this.refusal = await refusalOf(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const t = this.transcript;
    if (!t) {
      return this.refusal ? html`<p class="refusal" role="alert">${this.refusal.message}</p>` : html`<p role="status">Loading…</p>`;
    }
    const paragraphs = t.paragraphs ?? [];
    const missing = paragraphs.length - paragraphs.filter(p => this.english.has(p.n ?? 0)).length;
    return html`
      <p><a href="#/intake/${encodeURIComponent(this.site)}/transcripts/${encodeURIComponent(this.transcriptId)}">Back to the transcript</a></p>
      <h2>Translate ${t.externalId} <small>(${t.language} to English, ${paragraphs.length} paragraphs, stage ${t.status})</small></h2>
      <div class="actions">
        <button @click=${() => this.nextUntranslated(-1)}>Next untranslated (Alt+N)</button>
        <label>Go to paragraph <input type="number" min="1" max=${paragraphs.length} size="6"
          @change=${(e: Event) => this.goTo(Number((e.target as HTMLInputElement).value) - 1)}></label>
        <button ?disabled=${this.busy} @click=${this.submit}>Submit the translation</button>
        <span data-testid="missing">${missing} untranslated</span>
      </div>
      <p role="status" data-testid="draft">${this.saved ?? ''}</p>
      ${this.refusal ? html`<p class="refusal" role="alert">${this.refusal.message} — your draft is kept in this browser tab.</p>` : ''}
      <div class="scroller" role="list" aria-label="Paragraphs" @scroll=${this.scrolled}>
        <div role="presentation" style="height:${this.rows.start * ROW_HEIGHT}px"></div>
        ${paragraphs.slice(this.rows.start, this.rows.end).map((p, i) => {
          const index = this.rows.start + i;
          return html`<div class="row ${this.english.has(p.n ?? 0) ? '' : 'untranslated'}" role="listitem" data-n=${p.n ?? 0}>
            <span>${p.label}<br><small>${p.speaker}</small></span>
            <span class="original" lang=${t.language ?? ''} id="original-${p.n}">${p.text}</span>
            <textarea data-index=${index} aria-label="English of ${p.label}" aria-describedby="original-${p.n}"
              .value=${this.english.get(p.n ?? 0) ?? ''} @input=${(e: Event) => this.typed(p.n ?? 0, (e.target as HTMLTextAreaElement).value)}
              @keydown=${(e: KeyboardEvent) => this.key(e, index)}></textarea></div>`;
        })}
        <div role="presentation" style="height:${(paragraphs.length - this.rows.end) * ROW_HEIGHT}px"></div>
      </div>
    `;
  }
}

customElements.define('translation-editor', TranslationEditor);
