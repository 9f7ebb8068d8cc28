import { LitElement, css, html } from 'lit';
import type { Api } from '../api';
import { codableCodes, type CodableCode } from '../codebook';
import type { CodebookSummary } from '../clients/coding/src';
import type { Report } from '../clients/reporting/src';
import { refusalOf, type Refusal } from '../problem';
import { screenStyles } from '../styles';

/** A quote as the paper cites it: "words" (BU 44-46), or, for one participant's words, "words" [#9, Kampala, PSW]. */
export function citation(words: string, label: string): string {
  return `\u201c${words}\u201d ${label.startsWith('[') ? label : `(${label})`}`;
}

/**
 * Labelled quotes for a code, in English and, for members of the quote's site, in the original language, each with copy
 * buttons in the paper's citation forms.
 */
export class QuotesScreen extends LitElement {
  static properties = {
    api: { attribute: false },
    codebooks: { state: true },
    codes: { state: true },
    codebook: { state: true },
    quotes: { state: true },
    refusal: { state: true },
    copied: { state: true },
  };

  declare api: Api;
  declare codebooks: CodebookSummary[];
  declare codes: CodableCode[];
  declare codebook: string;
  declare quotes?: Report;
  declare refusal?: Refusal;
  declare copied?: string;

  static styles = [screenStyles, css`
    blockquote { margin: 0.5rem 0; padding: 0.5rem 1rem; border-left: 4px solid #486581; background: #f8fafc; }
    .original { color: #334e68; }
  `];

  constructor() {
    super();
    this.codebooks = [];
    this.codes = [];
    this.codebook = '';
  }

  override async connectedCallback() {
    super.connectedCallback();
    try {
      this.codebooks = (await this.api.codebooks.listCodebooks({ size: 100 })).items ?? [];
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  private async chooseCodebook(id: string) {
    this.codebook = id;
    this.codes = id ? codableCodes((await this.api.codebooks.getCodebook({ id })).codes ?? []) : [];
  }

  private async show(event: Event) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => ((data.get(name) as string | null) ?? '').trim() || undefined;
    try {
      this.quotes = await this.api.reports.getQuotesReport({ code: text('code'), codebook: this.codebook || undefined, study: text('study'),
        valence: text('valence') as never });
      this.refusal = undefined;
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  private async copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      this.copied = `Copied: ${text}`;
    } catch {
      this.copied = 'This browser did not let Studio copy: select the quote and copy it yourself.';
    }
  }

  override render() {
    const rows = (this.quotes?.rows ?? []) as Record<string, string | null>[];
    return html`
      <h2>Quotes</h2>
      <form class="filters" @submit=${this.show} role="search">
        <label>Codebook <select aria-label="Codebook" @change=${(e: Event) => this.chooseCodebook((e.target as HTMLSelectElement).value)}><option value="">choose</option>
          ${this.codebooks.map(c => html`<option value=${c.id ?? ''}>${c.name} v${c.version}</option>`)}</select></label>
        <label>Code <select name="code" aria-label="Code" required>${this.codes.map(c => html`<option value=${c.code.id ?? ''}>${c.path}</option>`)}</select></label>
        <label>Valence <select name="valence" aria-label="Valence"><option value="">any</option><option>facilitator</option><option>barrier</option></select></label>
        <label>Study <input name="study" size="10"></label>
        <button type="submit">Show quotes</button>
      </form>
      ${this.refusal ? html`<p class="refusal" role="alert">${this.refusal.message}</p>` : ''}
      ${this.copied ? html`<p role="status">${this.copied}</p>` : ''}
      ${this.quotes && rows.length === 0 ? html`<p role="status">No quotes for this code.</p>` : ''}
      <ol data-testid="quotes">${rows.map(q => html`<li>
        <blockquote><p>${q.english}</p>${q.original ? html`<p class="original"><i>${q.original}</i></p>` : ''}</blockquote>
        <div class="actions">
          <button @click=${() => this.copy(citation(q.english ?? '', q.label ?? ''))}>Copy with ${q.label}</button>
          ${q.participantLabel ? html`<button @click=${() => this.copy(citation(q.english ?? '', q.participantLabel ?? ''))}>Copy with
            ${q.participantLabel}</button>` : ''}
          ${q.original ? html`<button @click=${() => this.copy(citation(q.original ?? '', q.label ?? ''))}>Copy the original with
            ${q.label}</button>` : ''}
        </div></li>`)}</ol>`;
  }
}

customElements.define('quotes-screen', QuotesScreen);
