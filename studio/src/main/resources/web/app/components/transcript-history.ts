import { LitElement, html } from 'lit';
import type { Transition } from '../api';
import { screenStyles } from '../styles';

/** Who moved a transcript to which stage, when, and why where a reason was given: newest first. */
export class TranscriptHistory extends LitElement {
  static properties = { history: { attribute: false } };

  declare history: Transition[];

  static styles = screenStyles;

  override render() {
    return html`<table data-testid="history">
      <thead><tr><th>When</th><th>Stage</th><th>By</th><th>Note</th></tr></thead>
      <tbody>${[...(this.history ?? [])].reverse().map(h => html`<tr><td>${h.at?.toLocaleString()}</td><td>${h.status}</td><td>${h.by}</td>
        <td>${h.note ?? ''}</td></tr>`)}</tbody>
    </table>`;
  }
}

customElements.define('transcript-history', TranscriptHistory);
