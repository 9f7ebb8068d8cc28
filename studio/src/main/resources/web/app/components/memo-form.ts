import { LitElement, css, html, nothing } from 'lit';
import type { Api, MemoView } from '../api';
import { refusalOf, type Refusal } from '../problem';

/** What a memo is written on: a passage of a transcript or a code. */
export type MemoTarget =
  | { target: 'passage'; transcriptId: string; firstParagraph: number; lastParagraph: number; about: string }
  | { target: 'code'; codeId: string; about: string };

/** A dialog to write a memo on a passage or a code; refusals are shown at the field their pointer names. */
export class MemoForm extends LitElement {
  static properties = {
    api: { attribute: false },
    on: { attribute: false },
    refusal: { state: true },
  };

  declare api: Api;
  declare on: MemoTarget;
  declare refusal?: Refusal;

  static styles = css`
    dialog { border: 1px solid #829ab1; border-radius: 4px; width: min(32rem, 90vw); }
    label { display: block; margin: 0.5rem 0; }
    input, textarea { font: inherit; width: 100%; box-sizing: border-box; }
    .refusal { color: #a61b1b; }
    .actions { display: flex; gap: 0.5rem; }
    :focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
  `;

  override firstUpdated() {
    (this.renderRoot.querySelector('dialog') as HTMLDialogElement).showModal();
  }

  private async save(event: Event) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const { about: _about, ...target } = this.on;
    try {
      const memo: MemoView = await this.api.memos.createMemo({ idempotencyKey: crypto.randomUUID(), newMemo: {
        ...target, title: String(form.get('title') ?? ''), text: String(form.get('text') ?? '') } as never });
      this.dispatchEvent(new CustomEvent('saved', { detail: memo }));
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  private invalid(field: string): 'true' | 'false' {
    return this.refusal?.pointer === '/' + field ? 'true' : 'false';
  }

  override render() {
    return html`<dialog aria-labelledby="memo-title" @cancel=${(e: Event) => { e.preventDefault(); this.dispatchEvent(new CustomEvent('close')); }}>
      <form @submit=${this.save}>
        <h3 id="memo-title">Memo on ${this.on.about}</h3>
        <label>Title <input name="title" autofocus aria-invalid=${this.invalid('title')}></label>
        <label>Memo <textarea name="text" rows="6" aria-invalid=${this.invalid('text')}></textarea></label>
        ${this.refusal ? html`<p class="refusal" role="alert">${this.refusal.message}</p>` : nothing}
        <div class="actions"><button type="submit">Save memo</button>
          <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('close'))}>Cancel</button></div>
      </form>
    </dialog>`;
  }
}

customElements.define('memo-form', MemoForm);
