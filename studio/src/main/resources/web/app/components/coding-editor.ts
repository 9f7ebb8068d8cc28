import { LitElement, css, html, nothing } from 'lit';
import type { Api, CodingView } from '../api';
import type { CodableCode } from '../codebook';
import { refusalOf, type Refusal } from '../problem';

const VALENCES = ['', 'facilitator', 'barrier', 'mixed', 'neutral'] as const;

/**
 * A dialog on one coding: change its code or valence, or delete it. The coding is read again with its ETag as the dialog
 * opens; when someone changed it meanwhile (412), a reload takes their version and keeps what the user chose.
 */
export class CodingEditor extends LitElement {
  static properties = {
    api: { attribute: false },
    coding: { attribute: false },
    codes: { attribute: false },
    codeId: { state: true },
    valence: { state: true },
    refusal: { state: true },
    conflict: { state: true },
    busy: { state: true },
    notice: { state: true },
  };

  declare api: Api;
  declare coding: CodingView;
  declare codes: CodableCode[];
  declare codeId: string;
  declare valence: string;
  declare refusal?: Refusal;
  declare conflict: boolean;
  declare busy: boolean;
  declare notice?: string;
  private etag = '';

  static styles = css`
    dialog { border: 1px solid #829ab1; border-radius: 4px; min-width: 26rem; }
    label { display: block; margin: 0.5rem 0; }
    select { font: inherit; display: block; margin-top: 0.2rem; max-width: 100%; }
    .actions { display: flex; gap: 0.5rem; margin-top: 1rem; }
    .refusal { color: #a61b1b; }
    .conflict { background: #fff3c4; padding: 0.4rem; }
    :focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
  `;

  constructor() {
    super();
    this.codeId = '';
    this.valence = '';
    this.conflict = false;
    this.busy = false;
  }

  override async firstUpdated() {
    (this.renderRoot.querySelector('dialog') as HTMLDialogElement).showModal();
    this.codeId = this.coding.codeId ?? '';
    this.valence = this.coding.valence ?? '';
    await this.reload();
  }

  /** Reads the coding and its ETag again; the user's choices in the form stay as they are. */
  private async reload() {
    try {
      const answer = await this.api.codings.getCodingRaw({ id: this.coding.id! });
      this.coding = await answer.value();
      this.etag = answer.raw.headers.get('ETag') ?? '';
      if (this.conflict) {
        this.notice = `Reloaded: their version has ${this.pathOf(this.coding.codeId)}${this.coding.valence ? `, ${this.coding.valence}` : ''}. `
          + 'Your choice is kept in the form: save to apply it.';
      }
      this.conflict = false;
      this.refusal = undefined;
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  private async save(event: Event) {
    event.preventDefault();
    this.busy = true;
    const c = this.coding;
    try {
      const changed = await this.api.codings.updateCoding({ id: c.id!, ifMatch: this.etag, codingUpdate: {
        codeId: this.codeId, firstParagraph: c.firstParagraph!, lastParagraph: c.lastParagraph!, startOffset: c.startOffset,
        endOffset: c.endOffset, weight: c.weight, valence: (this.valence || undefined) as never } });
      this.dispatchEvent(new CustomEvent('changed', { detail: changed }));
    } catch (error) {
      this.refusal = await refusalOf(error);
      this.conflict = this.refusal.status === 412;
    }
    this.busy = false;
  }

  private async deleteCoding() {
    this.busy = true;
    try {
      await this.api.codings.deleteCoding({ id: this.coding.id!, ifMatch: this.etag });
      this.dispatchEvent(new CustomEvent('deleted', { detail: this.coding.id }));
    } catch (error) {
      this.refusal = await refusalOf(error);
      this.conflict = this.refusal.status === 412;
    }
    this.busy = false;
  }

  private pathOf(codeId?: string): string {
    return this.codes.find(k => k.code.id === codeId)?.path ?? codeId ?? '';
  }

  private close() {
    this.dispatchEvent(new CustomEvent('close'));
  }

  private invalid(field: string): 'true' | 'false' {
    return this.refusal?.pointer === '/' + field ? 'true' : 'false';
  }

  override render() {
    const c = this.coding;
    const passage = c.firstParagraph === c.lastParagraph ? `paragraph ${c.firstParagraph}` : `paragraphs ${c.firstParagraph}–${c.lastParagraph}`;
    return html`<dialog aria-labelledby="editor-title" @cancel=${(e: Event) => { e.preventDefault(); this.close(); }}>
      <form @submit=${this.save}>
        <h3 id="editor-title">Coding of ${passage} by ${c.coder}</h3>
        <label>Code <select name="code" .value=${this.codeId} aria-invalid=${this.invalid('codeId')}
          @change=${(e: Event) => (this.codeId = (e.target as HTMLSelectElement).value)}>
          ${this.codes.map(k => html`<option value=${k.code.id ?? ''} ?selected=${k.code.id === this.codeId}>${k.path}</option>`)}
        </select></label>
        <label>Valence <select name="valence" .value=${this.valence} aria-invalid=${this.invalid('valence')}
          @change=${(e: Event) => (this.valence = (e.target as HTMLSelectElement).value)}>
          ${VALENCES.map(v => html`<option value=${v} ?selected=${v === this.valence}>${v || 'none'}</option>`)}
        </select></label>
        ${this.conflict ? html`<p class="conflict" role="alert">Someone changed this coding while you had it open.
            <button type="button" @click=${() => this.reload()}>Reload, keep my choice</button></p>`
          : this.refusal ? html`<p class="refusal" role="alert">${this.refusal.message}</p>`
          : this.notice ? html`<p class="conflict" role="status">${this.notice}</p>` : nothing}
        <div class="actions">
          <button type="submit" ?disabled=${this.busy || this.conflict}>Save</button>
          <button type="button" ?disabled=${this.busy || this.conflict} @click=${() => this.deleteCoding()}>Delete</button>
          <button type="button" @click=${() => this.close()}>Cancel</button>
        </div>
      </form>
    </dialog>`;
  }
}

customElements.define('coding-editor', CodingEditor);
