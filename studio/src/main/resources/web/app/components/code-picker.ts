import { LitElement, css, html } from 'lit';
import type { CodableCode } from '../codebook';

/** A type-ahead list of the codebook's codable codes: type to filter, arrows to move, Enter to apply, Escape to close. */
export class CodePicker extends LitElement {
  static properties = {
    codes: { attribute: false },
    query: { state: true },
    active: { state: true },
  };

  declare codes: CodableCode[];
  declare query: string;
  declare active: number;

  static styles = css`
    :host { display: block; position: fixed; top: 20%; left: 50%; transform: translateX(-50%); width: min(36rem, 90vw);
      background: #fff; border: 1px solid #829ab1; box-shadow: 0 8px 24px rgba(0,0,0,.2); padding: 0.5rem; z-index: 10; }
    input { width: 100%; font: inherit; padding: 0.3rem; box-sizing: border-box; }
    ul { list-style: none; margin: 0.5rem 0 0; padding: 0; max-height: 50vh; overflow: auto; }
    li { padding: 0.25rem 0.4rem; cursor: pointer; }
    li[aria-selected="true"] { background: #243b53; color: #fff; }
  `;

  constructor() {
    super();
    this.codes = [];
    this.query = '';
    this.active = 0;
  }

  private matches(): CodableCode[] {
    const words = this.query.toLowerCase().split(/\s+/).filter(Boolean);
    return this.codes.filter(c => words.every(w => c.path.toLowerCase().includes(w)));
  }

  override firstUpdated() {
    this.renderRoot.querySelector('input')?.focus();
  }

  private key(event: KeyboardEvent) {
    const matches = this.matches();
    if (event.key === 'ArrowDown') {
      this.active = Math.min(matches.length - 1, this.active + 1);
    } else if (event.key === 'ArrowUp') {
      this.active = Math.max(0, this.active - 1);
    } else if (event.key === 'Enter' && matches[this.active]) {
      this.pick(matches[this.active]);
    } else if (event.key === 'Escape') {
      this.dispatchEvent(new CustomEvent('close'));
    } else {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  private pick(choice: CodableCode) {
    this.dispatchEvent(new CustomEvent('pick', { detail: choice.code }));
  }

  override render() {
    const matches = this.matches();
    return html`
      <input aria-label="Find a code" role="combobox" aria-expanded="true" aria-controls="codes" placeholder="Type to find a code"
        .value=${this.query} @input=${(e: Event) => { this.query = (e.target as HTMLInputElement).value; this.active = 0; }}
        @keydown=${this.key} aria-activedescendant=${matches[this.active] ? `code-${this.active}` : ''}>
      <ul id="codes" role="listbox" aria-label="Codes">
        ${matches.map((c, i) => html`<li id="code-${i}" role="option" aria-selected=${i === this.active}
          @click=${() => this.pick(c)}>${c.path}</li>`)}
      </ul>
    `;
  }
}

customElements.define('code-picker', CodePicker);
