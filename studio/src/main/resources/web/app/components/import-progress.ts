import { LitElement, html } from 'lit';
import { screenStyles } from '../styles';

/** What a running import job reports: its status, how far it got, and each item it skipped with the reason. */
export interface JobState {
  status?: string;
  parts: { label: string; done?: number; total?: number }[];
  summary?: string;
  skipped: { item?: string; reason?: string }[];
}

/** A long job's progress bar per part and, once done, everything skipped and why. */
export class ImportProgress extends LitElement {
  static properties = { job: { attribute: false } };

  declare job: JobState;

  static styles = screenStyles;

  override render() {
    const job = this.job;
    return html`<section aria-label="Import job" data-testid="job">
      <p role="status">Status: <strong data-testid="job-status">${job.status}</strong>${job.summary ? html` · ${job.summary}` : ''}</p>
      ${job.parts.map(p => html`<p><label>${p.label}: ${p.done ?? 0} of ${p.total ?? '?'}
        <progress max=${p.total ?? 1} value=${p.done ?? 0}></progress></label></p>`)}
      ${job.skipped.length ? html`<h4>Skipped (${job.skipped.length})</h4>
        <ul data-testid="skipped">${job.skipped.map(s => html`<li>${s.item}: ${s.reason}</li>`)}</ul>` : ''}
    </section>`;
  }
}

customElements.define('import-progress', ImportProgress);
