import { LitElement, css, html } from 'lit';
import { describe, type CodableCode } from '../codebook';

/**
 * The codebook beside the text: each codable code with its number key if pinned, its count here, its definition on hover, and
 * a button to write a memo on it.
 */
export class CodebookPanel extends LitElement {
  static properties = {
    codes: { attribute: false },
    counts: { attribute: false },
    pinned: { attribute: false },
  };

  declare codes: CodableCode[];
  declare counts: Map<string, number>;
  declare pinned: string[];

  static styles = css`
    :host { display: block; font-size: 0.9rem; }
    ol { list-style: none; padding: 0; margin: 0; }
    li { display: flex; gap: 0.4rem; padding: 0.15rem 0; }
    .key { display: inline-block; min-width: 1.2rem; text-align: center; background: #d9e2ec; border-radius: 3px; }
    .count { margin-left: auto; color: #486581; }
    .memo { border: 0; background: transparent; cursor: pointer; color: #486581; padding: 0 0.2rem; }
    .swatch { width: 0.7rem; height: 0.7rem; border-radius: 2px; align-self: center; }
  `;

  constructor() {
    super();
    this.codes = [];
    this.counts = new Map();
    this.pinned = [];
  }

  override render() {
    return html`
      <h3>Codebook</h3>
      <ol aria-label="Codes">
        ${this.codes.map(c => {
          const key = this.pinned.indexOf(c.code.id ?? '');
          return html`<li title=${describe(c.code)} data-code=${c.code.id ?? ''}>
            <span class="key">${key >= 0 ? key + 1 : ''}</span>
            <span class="swatch" style="background:${c.code.colour ?? '#9fb3c8'}"></span>
            <span>${c.path}</span>
            <span class="count" aria-label="codings here">${this.counts.get(c.code.id ?? '') ?? 0}</span>
            <button class="memo" aria-label="Memo on ${c.code.name}" title="Write a memo on this code"
              @click=${() => this.dispatchEvent(new CustomEvent('memo', { detail: c.code }))}>✎</button>
          </li>`;
        })}
      </ol>
    `;
  }
}

customElements.define('codebook-panel', CodebookPanel);
