import { LitElement, html } from 'lit';
import { screenStyles } from '../styles';

/**
 * A button for a step that cannot be undone: the first press asks, in words that say what will happen, and only
 * "Yes" dispatches `confirmed`. Escape or Cancel takes the question back.
 */
export class ConfirmButton extends LitElement {
  static properties = { label: {}, question: {}, asking: { state: true }, disabled: { type: Boolean } };

  declare label: string;
  declare question: string;
  declare asking: boolean;
  declare disabled: boolean;

  static styles = screenStyles;

  constructor() {
    super();
    this.asking = false;
    this.disabled = false;
  }

  private async ask() {
    this.asking = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('button.yes')?.focus();
  }

  private answer(yes: boolean) {
    this.asking = false;
    if (yes) {
      this.dispatchEvent(new CustomEvent('confirmed'));
    }
  }

  override render() {
    if (!this.asking) {
      return html`<button ?disabled=${this.disabled} @click=${this.ask}>${this.label}</button>`;
    }
    return html`<span role="alertdialog" aria-label=${this.label} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.answer(false)}>
      ${this.question} <button class="yes" @click=${() => this.answer(true)}>Yes, ${this.label.toLowerCase()}</button>
      <button @click=${() => this.answer(false)}>Cancel</button></span>`;
  }
}

customElements.define('confirm-button', ConfirmButton);
