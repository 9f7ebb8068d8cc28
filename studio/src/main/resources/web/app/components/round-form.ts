import { LitElement, css, html, nothing } from 'lit';
import type { Api, ReleasedTranscriptSummary } from '../api';
import type { CodebookSummary } from '../clients/coding/src';
import { refusalOf, type Refusal } from '../problem';

/**
 * Starts a round (analysts): its name, codebook, coders and the transcripts of a study they code, blind unless unticked.
 * Whether each coder may code each transcript is the server's rule; a refusal names the field.
 */
export class RoundForm extends LitElement {
  static properties = {
    api: { attribute: false },
    codebooks: { state: true },
    transcripts: { state: true },
    chosen: { state: true },
    refusal: { state: true },
  };

  declare api: Api;
  declare codebooks: CodebookSummary[];
  declare transcripts: ReleasedTranscriptSummary[];
  declare chosen: Set<string>;
  declare refusal?: Refusal;

  static styles = css`
    :host { display: block; border: 1px solid #829ab1; padding: 0.6rem; margin: 1rem 0; max-width: 48rem; }
    label { display: block; margin: 0.4rem 0; }
    input[type=text], select { font: inherit; min-width: 20rem; }
    fieldset { max-height: 14rem; overflow: auto; }
    .refusal { color: #a61b1b; }
    :focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
  `;

  constructor() {
    super();
    this.codebooks = [];
    this.transcripts = [];
    this.chosen = new Set();
  }

  override async connectedCallback() {
    super.connectedCallback();
    try {
      this.codebooks = ((await this.api.codebooks.listCodebooks({ size: 200 })).items ?? []).filter(b => b.status === 'published');
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  private async findTranscripts(study: string) {
    try {
      this.transcripts = study ? (await this.api.transcripts.listReleasedTranscripts({ study, size: 100 })).items ?? [] : [];
      this.chosen = new Set(this.transcripts.map(t => t.id ?? ''));
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  private toggle(id: string, on: boolean) {
    const chosen = new Set(this.chosen);
    on ? chosen.add(id) : chosen.delete(id);
    this.chosen = chosen;
  }

  private async start(event: Event) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const coders = String(form.get('coders') ?? '').split(',').map(c => c.trim()).filter(Boolean);
    try {
      const round = await this.api.rounds.createRound({ idempotencyKey: crypto.randomUUID(), newRound: {
        name: String(form.get('name') ?? ''), codebookId: String(form.get('codebook') ?? ''), independent: form.get('blind') === 'on',
        assignments: [...this.chosen].map(transcriptId => ({ transcriptId, coders })) } });
      window.location.hash = `#/rounds/${round.id}`;
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  private invalid(pattern: RegExp): 'true' | 'false' {
    return pattern.test(this.refusal?.pointer ?? '') ? 'true' : 'false';
  }

  override render() {
    return html`<form @submit=${this.start} aria-label="Start a round">
      <h3>Start a round</h3>
      <label>Name <input type="text" name="name" aria-invalid=${this.invalid(/^\/name$/)}></label>
      <label>Codebook <select name="codebook" aria-invalid=${this.invalid(/^\/codebookId$/)}>
        ${this.codebooks.map(b => html`<option value=${b.id ?? ''}>${b.name} (version ${b.version})</option>`)}</select></label>
      <label>Coders, separated by commas <input type="text" name="coders" placeholder="analyst, analyst-b"
        aria-invalid=${this.invalid(/\/coders/)}></label>
      <label>Study of the transcripts <input type="text" name="study" @change=${(e: Event) => this.findTranscripts((e.target as HTMLInputElement).value.trim())}></label>
      ${this.transcripts.length ? html`<fieldset aria-invalid=${this.invalid(/\/transcriptId$|^\/assignments$/)}>
        <legend>Transcripts (${this.chosen.size} of ${this.transcripts.length})</legend>
        ${this.transcripts.map(t => html`<label><input type="checkbox" .checked=${this.chosen.has(t.id ?? '')}
          @change=${(e: Event) => this.toggle(t.id ?? '', (e.target as HTMLInputElement).checked)}> ${t.externalId} (${t.site})</label>`)}
      </fieldset>` : nothing}
      <label><input type="checkbox" name="blind" checked> Blind: each coder sees only their own codings until the round is closed</label>
      ${this.refusal ? html`<p class="refusal" role="alert">${this.refusal.message}</p>` : nothing}
      <button type="submit">Start the round</button>
    </form>`;
  }
}

customElements.define('round-form', RoundForm);
