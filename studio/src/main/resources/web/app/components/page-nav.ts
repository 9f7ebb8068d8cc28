import { LitElement, css, html } from 'lit';

/** Previous and next for a paged list, with where the user is; dispatches go with the page chosen. */
export class PageNav extends LitElement {
  static properties = {
    page: { type: Number },
    size: { type: Number },
    total: { type: Number },
    noun: {},
  };

  declare page: number;
  declare size: number;
  declare total: number;
  declare noun: string;

  static styles = css`
    :host { display: flex; gap: 1rem; align-items: center; margin-top: 0.5rem; }
    :focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
  `;

  private go(page: number) {
    this.dispatchEvent(new CustomEvent('go', { detail: page }));
  }

  override render() {
    const pages = Math.max(1, Math.ceil(this.total / this.size));
    return html`
      <button ?disabled=${this.page === 0} @click=${() => this.go(this.page - 1)}>Previous</button>
      <span>Page ${this.page + 1} of ${pages} (${this.total} ${this.noun})</span>
      <button ?disabled=${this.page + 1 >= pages} @click=${() => this.go(this.page + 1)}>Next</button>
    `;
  }
}

customElements.define('page-nav', PageNav);
