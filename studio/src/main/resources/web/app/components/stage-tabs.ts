import { LitElement, css, html } from 'lit';
import type { Stage, StageCounts } from '../api';

/** The stages of the workflow in order, with how the counts name them. */
export const STAGES: { stage: Stage; label: string; count: keyof StageCounts }[] = [
  { stage: 'uploaded', label: 'Uploaded', count: 'uploaded' },
  { stage: 'back-checked', label: 'Back-checked', count: 'backChecked' },
  { stage: 'translated', label: 'Translated', count: 'translated' },
  { stage: 'reviewed', label: 'Reviewed', count: 'reviewed' },
  { stage: 'released', label: 'Released', count: 'released' },
  { stage: 'withdrawn', label: 'Withdrawn', count: 'withdrawn' },
];

/** One button per stage (and one for all) with its count; the chosen one is pressed. Dispatches `stage` with the stage or ''. */
export class StageTabs extends LitElement {
  static properties = { counts: { attribute: false }, stage: {} };

  declare counts?: StageCounts;
  declare stage: Stage | '';

  static styles = css`
    :host { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0.5rem 0; }
    button { font: inherit; border: 1px solid #486581; background: #fff; color: #243b53; border-radius: 3px; padding: 0.25rem 0.7rem; }
    button[aria-pressed='true'] { background: #243b53; color: #fff; }
    :focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
  `;

  private choose(stage: Stage | '') {
    this.dispatchEvent(new CustomEvent('stage', { detail: stage }));
  }

  override render() {
    const all = html`<button aria-pressed=${this.stage === '' ? 'true' : 'false'} @click=${() => this.choose('')}>All
      (${this.counts?.total ?? '…'})</button>`;
    return html`${all}${STAGES.map(s => html`<button aria-pressed=${this.stage === s.stage ? 'true' : 'false'} data-stage=${s.stage}
      @click=${() => this.choose(s.stage)}>${s.label} (${this.counts?.[s.count] ?? '…'})</button>`)}`;
  }
}

customElements.define('stage-tabs', StageTabs);
