import { LitElement, css, html, nothing } from 'lit';
import type { Api } from '../api';
import type { BulkOperation, CodeAllHitsPreview, CodebookSummary, HitSearch } from '../clients/coding/src';
import { codableCodes, type CodableCode } from '../codebook';
import { refusalOf, type Refusal } from '../problem';

/**
 * Codes every hit of a search with one code: choose the codebook, code, unit and valence, see how many codings it would make
 * and skip, run it with visible progress, and undo it as a unit.
 */
export class CodeAllHits extends LitElement {
  static properties = {
    api: { attribute: false },
    search: { attribute: false },
    codebooks: { state: true },
    codes: { state: true },
    preview: { state: true },
    running: { state: true },
    done: { state: true },
    refusal: { state: true },
    elapsed: { state: true },
  };

  declare api: Api;
  declare search: HitSearch;
  declare codebooks: CodebookSummary[];
  declare codes: CodableCode[];
  declare preview?: CodeAllHitsPreview;
  declare running: boolean;
  declare done?: BulkOperation;
  declare refusal?: Refusal;
  declare elapsed: number;
  private choice = { codeId: '', unit: 'paragraph', valence: '' };

  static styles = css`
    :host { display: block; border: 1px solid #829ab1; padding: 0.6rem; margin: 0.8rem 0; }
    form { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; }
    select { font: inherit; max-width: 22rem; }
    .refusal { color: #a61b1b; }
    :focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
  `;

  constructor() {
    super();
    this.codebooks = [];
    this.codes = [];
    this.running = false;
    this.elapsed = 0;
  }

  override async connectedCallback() {
    super.connectedCallback();
    try {
      this.codebooks = (await this.api.codebooks.listCodebooks({ size: 200 })).items ?? [];
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  private async chooseCodebook(id: string) {
    this.codes = id ? codableCodes((await this.api.codebooks.getCodebook({ id })).codes ?? []) : [];
    this.choice.codeId = this.codes[0]?.code.id ?? '';
    this.preview = undefined;
  }

  private request() {
    return { codeAllHits: { search: this.search, codeId: this.choice.codeId, unit: this.choice.unit as never,
      valence: (this.choice.valence || undefined) as never }, idempotencyKey: crypto.randomUUID() };
  }

  private async previewIt(event: Event) {
    event.preventDefault();
    try {
      this.preview = await this.api.search.previewCodeAllHits(this.request());
      this.refusal = undefined;
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  private async run() {
    this.running = true;
    this.elapsed = 0;
    const clock = setInterval(() => (this.elapsed += 1), 1000);
    try {
      this.done = await this.api.search.codeAllHits(this.request());
      this.preview = undefined;
      this.refusal = undefined;
    } catch (error) {
      this.refusal = await refusalOf(error);
    } finally {
      clearInterval(clock);
      this.running = false;
    }
  }

  private async undo() {
    try {
      this.done = await this.api.search.undoBulkOperation({ id: this.done!.id!, idempotencyKey: crypto.randomUUID() });
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  private invalid(field: string): 'true' | 'false' {
    return this.refusal?.pointer === '/' + field ? 'true' : 'false';
  }

  override render() {
    const p = this.preview;
    return html`
      <h3>Code all hits</h3>
      <form @submit=${this.previewIt} aria-label="Code all hits">
        <label>Codebook <select @change=${(e: Event) => this.chooseCodebook((e.target as HTMLSelectElement).value)}>
          <option value="">choose…</option>${this.codebooks.map(b => html`<option value=${b.id ?? ''}>${b.name} (${b.status})</option>`)}</select></label>
        <label>Code <select name="code" aria-invalid=${this.invalid('codeId')} @change=${(e: Event) => { this.choice.codeId = (e.target as HTMLSelectElement).value; this.preview = undefined; }}>
          ${this.codes.map(c => html`<option value=${c.code.id ?? ''}>${c.path}</option>`)}</select></label>
        <label>Unit <select aria-invalid=${this.invalid('unit')} @change=${(e: Event) => { this.choice.unit = (e.target as HTMLSelectElement).value; this.preview = undefined; }}>
          <option value="paragraph">paragraph</option><option value="sentence">sentence</option><option value="match">match</option></select></label>
        <label>Valence <select @change=${(e: Event) => { this.choice.valence = (e.target as HTMLSelectElement).value; this.preview = undefined; }}>
          <option value="">none</option><option>facilitator</option><option>barrier</option><option>mixed</option><option>neutral</option></select></label>
        <button type="submit" ?disabled=${!this.choice.codeId || this.running}>Preview</button>
      </form>
      ${this.refusal ? html`<p class="refusal" role="alert">${this.refusal.message}</p>` : nothing}
      ${p ? html`<p role="status" data-testid="preview">Would make ${p.codings} codings in ${p.transcripts} transcripts from ${p.hits} hits;
          ${p.alreadyCoded} already coded and ${p.refused} refused by a rule are skipped.
          <button ?disabled=${this.running || !p.codings} @click=${() => this.run()}>Code ${p.codings} passages</button></p>` : nothing}
      ${this.running ? html`<p role="status"><progress aria-label="Coding all hits"></progress> Coding the hits… ${this.elapsed} s</p>` : nothing}
      ${this.done ? html`<p role="status" data-testid="bulk-result">${this.done.undoneAt
          ? `Undone: ${this.done.undone} codings removed.`
          : html`Coded ${this.done.coded} passages, skipped ${this.done.skipped}. <button @click=${() => this.undo()}>Undo</button>`}</p>` : nothing}
    `;
  }
}

customElements.define('code-all-hits', CodeAllHits);
