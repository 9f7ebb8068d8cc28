import { LitElement, css, html, nothing } from 'lit';
import type { Api, CodeSuggestion, CodeView, CodingView, Me, MemoView, MyAssignment, ReleasedTranscript } from '../api';
import { codableCodes, type CodableCode } from '../codebook';
import { stretches } from '../highlights';
import { everyItem } from '../pages';
import { sameWindow, windowAround, windowAt, type RowWindow } from '../paragraph-window';
import { refusalOf } from '../problem';
import './code-picker';
import './codebook-panel';
import './coding-editor';
import './memo-form';
import type { MemoTarget } from './memo-form';

interface Made {
  id: string;
  etag: string;
}

/**
 * The workbench for one transcript: its numbered paragraphs, the codings on them as margin bars, and coding from the
 * keyboard. ↑/↓ (or k/j) move between paragraphs (Page Up/Down by ten, Home/End to the ends), Shift extends the run, a selection of text codes a span; 1–9 apply a
 * pinned code, c opens the code finder, Enter applies the last code again, u undoes the last coding, e edits your coding on
 * the paragraph, m writes a memo on the passage, s shows the assistant's suggestions for the paragraph in view (a accepts the
 * first, x rejects it), t goes to the paragraph you have not coded that the assistant is least sure of (coding it teaches the
 * assistant most), o shows the original beside the English (members of the transcript's site only). Inside a round (round-id) the codings are the user's own in that round, and the transcript can be marked done.
 */
export class TranscriptReader extends LitElement {
  static properties = {
    api: { attribute: false },
    me: { attribute: false },
    transcriptId: { attribute: 'transcript-id' },
    roundId: { attribute: 'round-id' },
    assignment: { state: true },
    editing: { state: true },
    memoOn: { state: true },
    memos: { state: true },
    suggested: { state: true },
    transcript: { state: true },
    codes: { state: true },
    codings: { state: true },
    focusAt: { state: true },
    anchor: { state: true },
    picking: { state: true },
    notice: { state: true },
    originals: { state: true },
  };

  declare api: Api;
  declare me: Me;
  declare transcriptId: string;
  declare roundId?: string;
  declare assignment?: MyAssignment;
  declare editing?: CodingView;
  declare memoOn?: MemoTarget;
  declare memos: MemoView[];
  /** The assistant's suggestions for one paragraph while suggestions are on, minus those rejected. */
  declare suggested?: { n: number; items: CodeSuggestion[] };
  /** The paragraphs rendered: only those around what is visible, so that a 5,000-paragraph transcript opens at once. */
  declare rows: RowWindow;
  private rowHeight = 44;
  private suggesting = false;
  private codebookId?: string;
  declare transcript?: ReleasedTranscript;
  declare codes: CodableCode[];
  declare codings: CodingView[];
  declare focusAt: number;
  declare anchor: number;
  declare picking: boolean;
  declare notice?: string;
  declare originals?: Map<number, string>;
  private lastCode?: CodeView;
  private span?: { first: number; last: number; start: number; end: number };
  private readonly made: Made[] = [];

  static styles = css`
    :host { display: grid; grid-template-columns: minmax(0, 1fr) 20rem; gap: 1.5rem; }
    .text { outline: none; max-height: calc(100vh - 13rem); overflow-y: auto; }
    .paragraph { display: grid; grid-template-columns: 4.5rem 3rem minmax(0, 1fr) 11rem; gap: 0.5rem; padding: 0.2rem 0.3rem;
      border-left: 3px solid transparent; }
    .with-original .paragraph { grid-template-columns: 4.5rem 3rem minmax(0, 1fr) minmax(0, 1fr) 11rem; }
    .original { color: #334e68; font-style: italic; }
    .paragraph.selected { background: #e6f0ff; }
    .paragraph.focused { border-left-color: #243b53; }
    .label { color: #486581; font-variant-numeric: tabular-nums; }
    .speaker { font-weight: 600; }
    .bars { display: flex; gap: 2px; flex-wrap: wrap; align-content: flex-start; }
    .bar { font-size: 0.75rem; padding: 0 0.3rem; border-radius: 3px; background: #f0f4f8; color: #102a43; border-left: 4px solid;
      white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 8rem; }
    .bar.own { cursor: pointer; }
    .bar.pending { opacity: 0.6; }
    .memo { font-size: 0.75rem; color: #7c5e10; }
    mark.coded { color: inherit; background: rgba(240, 180, 41, calc(0.18 * var(--depth))); border-bottom: 1px solid #c99a2e; }
    .suggestion { font-size: 0.75rem; padding: 0 0.3rem; border: 1px dashed #829ab1; border-radius: 3px; color: #52606d; white-space: nowrap; }
    .round { background: #e6f0ff; padding: 0.4rem; }
    .notice { position: sticky; top: 0; background: #fff3c4; padding: 0.4rem; margin: 0 0 0.5rem; }
    .help { font-size: 0.85rem; color: #486581; }
    kbd { background: #d9e2ec; border-radius: 3px; padding: 0 0.25rem; }
  `;

  constructor() {
    super();
    this.codes = [];
    this.codings = [];
    this.focusAt = 1;
    this.anchor = 1;
    this.picking = false;
    this.memos = [];
    this.rows = { start: 0, end: 60 };
  }

  override async connectedCallback() {
    super.connectedCallback();
    try {
      const transcript = await this.api.transcripts.getReleasedTranscript({ id: this.transcriptId });
      const round = this.roundId ? await this.api.rounds.getRound({ id: this.roundId }) : undefined;
      const codebookId = round?.codebookId ?? transcript.codebookId;
      this.codebookId = codebookId;
      const [codebook, codings, memos, mine] = await Promise.all([
        codebookId ? this.api.codebooks.getCodebook({ id: codebookId }) : Promise.resolve(undefined),
        this.roundId
          ? everyItem(page => this.api.codings.listCodings({ round: this.roundId, transcript: this.transcriptId,
            coder: this.me.username, page, size: 500 }), 500)
          : everyItem(page => this.api.codings.listTranscriptCodings({ transcriptId: this.transcriptId, page, size: 500 }), 500),
        everyItem(page => this.api.memos.listMemos({ transcript: this.transcriptId, target: 'passage', page, size: 200 }), 200),
        this.roundId ? this.api.rounds.listMyAssignments() : Promise.resolve([]),
      ]);
      // shown all at once, so that no key is pressed on a transcript whose codes are not there yet
      this.codes = codableCodes(codebook?.codes ?? []);
      this.codings = codings;
      this.memos = memos;
      this.assignment = mine.find(a => a.roundId === this.roundId && a.transcriptId === this.transcriptId);
      this.transcript = transcript;
      if (!codebook) {
        this.notice = 'This transcript\u2019s study phase has no codebook yet: an analyst assigns one before it can be coded.';
      }
    } catch (error) {
      this.notice = (await refusalOf(error)).message;
    }
  }

  override updated(changed: Map<string, unknown>) {
    if (changed.has('transcript') && this.focusAt > 1) {
      this.reveal('center');
    } else if (changed.has('rows') || changed.has('focusAt')) {
      this.renderRoot.querySelector(`[data-n="${this.focusAt}"]`)?.scrollIntoView({ block: 'nearest' });
    }
    if (changed.has('rows') || changed.has('transcript')) {
      this.measureRows();
    }
    if (!this.picking && !this.editing && !this.memoOn) {
      (this.renderRoot.querySelector('.text') as HTMLElement | null)?.focus({ preventScroll: true });
    }
  }

  private get range(): [number, number] {
    return [Math.min(this.focusAt, this.anchor), Math.max(this.focusAt, this.anchor)];
  }

  private pinned(): string[] {
    return this.codes.slice(0, 9).map(c => c.code.id ?? '');
  }

  private key(event: KeyboardEvent) {
    if (this.picking || this.editing || this.memoOn || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    const count = this.transcript?.paragraphs?.length ?? 0;
    const steps: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1, PageDown: 10, PageUp: -10, Home: -count, End: count };
    const move = steps[event.key] ?? 0;
    if (move !== 0) {
      this.focusAt = Math.min(count, Math.max(1, this.focusAt + move));
      if (!event.shiftKey) {
        this.anchor = this.focusAt;
      }
      this.span = undefined;
      this.reveal('nearest');
      if (this.suggesting) {
        this.suggest();
      }
    } else if (/^[1-9]$/.test(event.key)) {
      const code = this.codes.find(c => c.code.id === this.pinned()[Number(event.key) - 1]);
      if (code) {
        this.apply(code.code);
      }
    } else if (event.key === 'c' || event.key === '/') {
      this.picking = true;
    } else if (event.key === 'Enter' && this.lastCode) {
      this.apply(this.lastCode);
    } else if (event.key === 'u') {
      this.undo();
    } else if (event.key === 'e') {
      this.edit(this.codings.find(c => this.mine(c) && (c.firstParagraph ?? 0) <= this.focusAt && this.focusAt <= (c.lastParagraph ?? 0)));
    } else if (event.key === 'm') {
      this.writeMemo();
    } else if (event.key === 's') {
      this.suggesting = !this.suggesting;
      this.suggesting ? this.suggest() : (this.suggested = undefined);
    } else if (event.key === 'a' && this.suggested?.items.length) {
      this.acceptSuggestion(this.suggested.items[0]);
    } else if (event.key === 'x' && this.suggested?.items.length) {
      this.suggested = { n: this.suggested.n, items: this.suggested.items.slice(1) };
    } else if (event.key === 't') {
      this.teach();
    } else if (event.key === 'o' && this.mayReadOriginal()) {
      this.toggleOriginal();
    } else {
      return;
    }
    event.preventDefault();
  }

  private get scroller(): HTMLElement | null {
    return this.renderRoot.querySelector('.text');
  }

  /** Brings the focused paragraph into view, moving the rendered window to it first when it is outside. */
  private reveal(block: ScrollLogicalPosition) {
    const index = this.indexOf(this.focusAt);
    const scroller = this.scroller;
    if (!scroller) {
      return;
    }
    if (index < this.rows.start || index >= this.rows.end) {
      this.rows = windowAround(index, scroller.clientHeight, this.rowHeight, this.paragraphCount());
      scroller.scrollTop = Math.max(0, index * this.rowHeight - scroller.clientHeight / 2);
    } else {
      this.renderRoot.querySelector(`[data-n="${this.focusAt}"]`)?.scrollIntoView({ block });
    }
  }

  private scrolled() {
    const scroller = this.scroller!;
    const rows = windowAt(scroller.scrollTop, scroller.clientHeight, this.rowHeight, this.paragraphCount());
    if (!sameWindow(rows, this.rows)) {
      this.rows = rows;
    }
  }

  /** Keeps the row height estimate near what the rendered rows measure, so that the spacers stand for the rows they replace. */
  private measureRows() {
    const rendered = [...this.renderRoot.querySelectorAll<HTMLElement>('.paragraph')];
    if (rendered.length >= 10) {
      const average = rendered.reduce((sum, row) => sum + row.offsetHeight, 0) / rendered.length;
      if (Math.abs(average - this.rowHeight) / this.rowHeight > 0.25) {
        this.rowHeight = average;
      }
    }
  }

  private paragraphCount(): number {
    return this.transcript?.paragraphs?.length ?? 0;
  }

  private indexOf(n: number): number {
    const index = this.transcript?.paragraphs?.findIndex(p => p.n === n) ?? -1;
    return Math.max(0, index);
  }

  private clicked(n: number, event: MouseEvent) {
    this.focusAt = n;
    if (!event.shiftKey) {
      this.anchor = n;
    }
    this.span = this.selectedSpan();
  }

  /** A selection of text inside one paragraph codes that span: offsets in code points of the English text, as the API counts. */
  private selectedSpan() {
    const selection = (this.renderRoot as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.()
      ?? window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
      return undefined;
    }
    const range = selection.getRangeAt(0);
    const textOf = (node: Node) => (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest('.english');
    const start = textOf(range.startContainer);
    if (!start || start !== textOf(range.endContainer)) {
      return undefined;
    }
    const n = Number(start.getAttribute('data-n'));
    // the text before the selection inside the paragraph, across the highlights' elements
    const preceding = document.createRange();
    preceding.selectNodeContents(start);
    preceding.setEnd(range.startContainer, range.startOffset);
    const before = preceding.toString();
    const chosen = range.toString();
    return { first: n, last: n, start: [...before].length, end: [...before].length + [...chosen].length };
  }

  private async apply(code: CodeView) {
    this.picking = false;
    this.lastCode = code;
    const [first, last] = this.span ? [this.span.first, this.span.last] : this.range;
    const pending: CodingView = { id: `pending-${crypto.randomUUID()}`, codeId: code.id, firstParagraph: first, lastParagraph: last,
      startOffset: this.span?.start, endOffset: this.span?.end, coder: this.me.username };
    this.codings = [...this.codings, pending];
    try {
      const answer = await this.api.codings.createCodingRaw({ transcriptId: this.transcriptId, idempotencyKey: crypto.randomUUID(),
        newCoding: { codeId: code.id!, firstParagraph: first, lastParagraph: last, startOffset: this.span?.start, endOffset: this.span?.end,
        roundId: this.roundId } });
      const coding = await answer.value();
      this.made.push({ id: coding.id!, etag: answer.raw.headers.get('ETag') ?? '' });
      this.codings = this.codings.map(c => (c.id === pending.id ? coding : c));
      this.notice = undefined;
      this.counted(1);
    } catch (error) {
      this.codings = this.codings.filter(c => c.id !== pending.id);
      this.notice = (await refusalOf(error)).message;
    }
    this.span = undefined;
  }

  private async undo() {
    const last = this.made.pop();
    if (!last) {
      this.notice = 'Nothing to undo.';
      return;
    }
    try {
      await this.api.codings.deleteCoding({ id: last.id, ifMatch: last.etag });
      this.codings = this.codings.filter(c => c.id !== last.id);
      this.notice = 'The last coding was undone.';
      this.counted(-1);
    } catch (error) {
      this.notice = (await refusalOf(error)).message;
    }
  }

  private counted(change: number) {
    if (this.assignment) {
      this.assignment = { ...this.assignment, codings: (this.assignment.codings ?? 0) + change };
    }
  }

  private mine(coding: CodingView): boolean {
    return coding.coder === this.me.username && !coding.id?.startsWith('pending');
  }

  private edit(coding?: CodingView) {
    if (!coding) {
      this.notice = 'None of your codings is on this paragraph.';
      return;
    }
    this.editing = coding;
  }

  private edited(changed?: CodingView, deleted?: string) {
    if (changed) {
      this.codings = this.codings.map(c => (c.id === changed.id ? changed : c));
      this.notice = 'The coding was changed.';
    }
    if (deleted) {
      this.codings = this.codings.filter(c => c.id !== deleted);
      this.notice = 'The coding was deleted.';
      this.counted(-1);
    }
    this.editing = undefined;
  }

  private async suggest() {
    const n = this.focusAt;
    try {
      const answer = await this.api.assistant.suggestCodes({ transcriptId: this.transcriptId, n, codebook: this.codebookId, k: 3 });
      if (this.suggesting && this.focusAt === n) {
        this.suggested = { n, items: answer.suggestions ?? [] };
      }
    } catch (error) {
      this.notice = (await refusalOf(error)).message;
    }
  }

  /** Active learning: focuses the paragraph you have not coded whose codes the assistant is least sure of, and says why. */
  private async teach() {
    try {
      const page = await this.api.assistant.listUncertainParagraphs({ transcriptId: this.transcriptId, codebook: this.codebookId, size: 1 });
      const next = page.items?.[0];
      if (!next) {
        this.notice = 'You have coded every paragraph of this transcript.';
        return;
      }
      this.focusAt = next.paragraph!;
      this.anchor = this.focusAt;
      this.span = undefined;
      this.reveal('center');
      this.notice = `Paragraph ${next.paragraph}: the assistant is least sure whether ${next.code} applies (${Math.round(100 * next.probability!)} % `
        + `against its threshold of ${Math.round(100 * next.threshold!)} %). Coding it teaches the assistant most.`;
      if (this.suggesting) {
        this.suggest();
      }
    } catch (error) {
      this.notice = (await refusalOf(error)).message;
    }
  }

  /** The suggestion becomes the user's coding of the paragraph, naming the suggestion; u undoes it like any coding. */
  private async acceptSuggestion(suggestion: CodeSuggestion) {
    const n = this.suggested!.n;
    this.suggested = { n, items: this.suggested!.items.filter(s => s !== suggestion) };
    try {
      const answer = await this.api.assistant.acceptParagraphSuggestionRaw({ transcriptId: this.transcriptId, n,
        suggestionAcceptance: { codeId: suggestion.codeId!, codebookId: this.codebookId, roundId: this.roundId } });
      const coding = await answer.value();
      this.made.push({ id: coding.id!, etag: answer.raw.headers.get('ETag') ?? '' });
      this.codings = [...this.codings, coding];
      this.notice = `Accepted the suggestion ${suggestion.code}.`;
      this.counted(1);
    } catch (error) {
      this.notice = (await refusalOf(error)).message;
    }
  }

  private writeMemo() {
    const [first, last] = this.range;
    const labels = this.transcript?.paragraphs ?? [];
    const label = (n: number) => labels.find(p => p.n === n)?.label ?? String(n);
    this.memoOn = { target: 'passage', transcriptId: this.transcriptId, firstParagraph: first, lastParagraph: last,
      about: first === last ? label(first) : `${label(first)}–${label(last)}` };
  }

  private memoSaved(memo?: MemoView) {
    if (memo) {
      this.memos = [...this.memos, memo];
      this.notice = `Memo “${memo.title}” saved.`;
    }
    this.memoOn = undefined;
  }

  private async markDone(done: boolean) {
    try {
      const request = { id: this.roundId!, transcriptId: this.transcriptId };
      this.assignment = done ? await this.api.rounds.completeAssignment(request) : await this.api.rounds.reopenAssignment(request);
      this.notice = done ? 'Marked done.' : 'Marked as still being coded.';
    } catch (error) {
      this.notice = (await refusalOf(error)).message;
    }
  }

  /** Only members of the transcript's site read its original; transcript-service refuses everyone else and audits each read. */
  private mayReadOriginal(): boolean {
    const site = this.transcript?.site ?? '';
    return this.transcript?.language !== 'en' && [...(this.me.siteRoles?.[site] ?? [])].length > 0;
  }

  private async toggleOriginal() {
    if (this.originals) {
      this.originals = undefined;
      return;
    }
    try {
      const original = await this.api.originals.getTranscript({ site: this.transcript!.site!, id: this.transcriptId });
      this.originals = new Map((original.paragraphs ?? []).map(p => [p.n ?? 0, p.text ?? '']));
    } catch (error) {
      this.notice = (await refusalOf(error)).message;
    }
  }

  private counts(): Map<string, number> {
    const counts = new Map<string, number>();
    this.codings.forEach(c => counts.set(c.codeId ?? '', (counts.get(c.codeId ?? '') ?? 0) + 1));
    return counts;
  }

  override render() {
    if (!this.transcript) {
      return html`<p aria-live="polite">${this.notice ?? 'Opening the transcript…'}</p>`;
    }
    const [first, last] = this.range;
    const byId = new Map(this.codes.map(c => [c.code.id, c.code]));
    return html`
      <section aria-label="Transcript">
        <h2>${this.transcript.externalId} <small>${[this.transcript.site, this.transcript.study, this.transcript.phase].filter(Boolean).join(' · ')}</small></h2>
        ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
        ${this.assignment ? html`<p class="round" data-testid="assignment">Round “${this.assignment.roundName}”: you see only
          your own codings here (${this.assignment.codings}). ${this.assignment.doneAt
            ? html`Done. <button @click=${() => this.markDone(false)}>Not done yet</button>`
            : html`<button @click=${() => this.markDone(true)}>Mark done</button>`}</p>` : nothing}
        <p class="help"><kbd>↑</kbd><kbd>↓</kbd> move (<kbd>PgUp</kbd><kbd>PgDn</kbd> <kbd>Home</kbd><kbd>End</kbd>) · <kbd>Shift</kbd> extend · <kbd>1</kbd>–<kbd>9</kbd> pinned code ·
          <kbd>c</kbd> find a code · <kbd>Enter</kbd> last code again · <kbd>e</kbd> edit · <kbd>m</kbd> memo · <kbd>s</kbd> suggestions · <kbd>u</kbd> undo</p>
        ${this.mayReadOriginal() ? html`<button @click=${() => this.toggleOriginal()} aria-pressed=${this.originals ? 'true' : 'false'}>
          ${this.originals ? 'Hide' : 'Show'} the original (${this.transcript.language}) <kbd>o</kbd></button>` : nothing}
        <div class="text ${this.originals ? 'with-original' : ''}" tabindex="0" role="listbox" aria-multiselectable="true" aria-label="Paragraphs"
          aria-activedescendant="p-${this.focusAt}" @keydown=${this.key} @scroll=${this.scrolled}>
          <div role="presentation" style="height:${this.rows.start * this.rowHeight}px"></div>
          ${this.transcript.paragraphs?.slice(this.rows.start, this.rows.end).map(p => {
            const n = p.n ?? 0;
            const here = this.codings.filter(c => (c.firstParagraph ?? 0) <= n && n <= (c.lastParagraph ?? 0));
            return html`<div id="p-${n}" data-n=${n} role="option" aria-selected=${first <= n && n <= last}
              aria-setsize=${this.paragraphCount()} aria-posinset=${n}
              class="paragraph ${first <= n && n <= last ? 'selected' : ''} ${n === this.focusAt ? 'focused' : ''}"
              @mouseup=${(e: MouseEvent) => this.clicked(n, e)}>
              <span class="label">${p.label}</span><span class="speaker">${p.speaker}</span>
              ${this.originals ? html`<span class="original" lang=${this.transcript!.language ?? ''} data-testid="original">${this.originals.get(n)}</span>` : nothing}
              <span class="english" data-n=${n}>${stretches(p.english ?? '', n, here).map(x => (x.depth === 0 ? x.text
                : html`<mark class="coded" style="--depth:${Math.min(x.depth, 4)}">${x.text}</mark>`))}</span>
              <span class="bars">${here.map(c => html`<span class="bar ${c.id?.startsWith('pending') ? 'pending' : ''} ${this.mine(c) ? 'own' : ''}"
                style="border-left-color:${byId.get(c.codeId)?.colour ?? '#486581'}"
                title="${byId.get(c.codeId)?.name ?? ''}${c.valence ? ` (${c.valence})` : ''}, ${c.coder}"
                @click=${() => this.mine(c) && this.edit(c)} data-testid="coding">${byId.get(c.codeId)?.name ?? 'code'}${c.valence
                  ? html` <span class="valence">${c.valence === 'facilitator' ? '+' : c.valence === 'barrier' ? '−' : '±'}</span>` : nothing}</span>`)}
                ${this.suggested?.n === n ? this.suggested.items.map((x, i) => html`<span class="suggestion" data-testid="suggestion"
                  title="${x.reason?.kind}: ${x.reason?.text ?? ''}">${i === 0 ? html`<kbd>a</kbd>/<kbd>x</kbd> ` : nothing}${x.code}
                  ${(x.score ?? 0).toFixed(2)}</span>`) : nothing}
                ${this.memos.filter(m => (m.firstParagraph ?? 0) <= n && n <= (m.lastParagraph ?? 0)).map(m => html`<span class="memo"
                  title=${m.text ?? ''} data-testid="memo">✎ ${m.title}</span>`)}</span>
            </div>`;
          })}
          <div role="presentation" style="height:${(this.paragraphCount() - this.rows.end) * this.rowHeight}px"></div>
        </div>
      </section>
      <codebook-panel .codes=${this.codes} .counts=${this.counts()} .pinned=${this.pinned()}
        @memo=${(e: CustomEvent<CodeView>) => (this.memoOn = { target: 'code', codeId: e.detail.id!, about: `the code ${e.detail.name}` })}></codebook-panel>
      ${this.editing ? html`<coding-editor .api=${this.api} .coding=${this.editing} .codes=${this.codes}
        @changed=${(e: CustomEvent<CodingView>) => this.edited(e.detail)} @deleted=${(e: CustomEvent<string>) => this.edited(undefined, e.detail)}
        @close=${() => this.edited()}></coding-editor>` : nothing}
      ${this.memoOn ? html`<memo-form .api=${this.api} .on=${this.memoOn} @saved=${(e: CustomEvent<MemoView>) => this.memoSaved(e.detail)}
        @close=${() => this.memoSaved()}></memo-form>` : nothing}
      ${this.picking ? html`<code-picker .codes=${this.codes} @pick=${(e: CustomEvent<CodeView>) => this.apply(e.detail)}
        @close=${() => (this.picking = false)}></code-picker>` : nothing}
    `;
  }
}

customElements.define('transcript-reader', TranscriptReader);
