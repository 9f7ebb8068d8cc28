import { LitElement, html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { rolesAt, type Api, type Me, type TranscriptView } from '../api';
import { refusalOf, type Refusal } from '../problem';
import { screenStyles } from '../styles';
import './transcript-history';
import './version-diff';

/** How many paragraphs the page shows at once; the translation editor shows every one. */
const SHOWN = 100;

/**
 * One transcript of the caller's site before (and after) release: its stage and history, the step the caller's role may take
 * next, the site-check queries with their answers, the paragraphs original beside English, and the diff between versions.
 */
export class SiteTranscript extends LitElement {
  static properties = {
    api: { attribute: false },
    me: { attribute: false },
    site: {},
    transcriptId: { attribute: 'transcript-id' },
    transcript: { state: true },
    refusal: { state: true },
    notice: { state: true },
    busy: { state: true },
  };

  declare api: Api;
  declare me: Me;
  declare site: string;
  declare transcriptId: string;
  declare transcript?: TranscriptView;
  declare refusal?: Refusal;
  declare notice?: string;
  declare busy: boolean;

  static styles = screenStyles;

  constructor() {
    super();
    this.busy = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  private async load() {
    try {
      this.transcript = await this.api.originals.getTranscript({ site: this.site, id: this.transcriptId });
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  /** One workflow call; its answer is the transcript as it now is. */
  private async step(label: string, call: () => Promise<TranscriptView>) {
    this.busy = true;
    try {
      this.transcript = await call();
      this.notice = `${label}: the transcript is now ${this.transcript.status}.`;
      this.refusal = undefined;
    } catch (error) {
      this.refusal = await refusalOf(error);
      this.notice = undefined;
    } finally {
      this.busy = false;
    }
  }

  private backCheck() {
    return this.step('Back-checked', () => this.api.workflow.backCheckTranscript({ site: this.site, id: this.transcriptId,
      idempotencyKey: crypto.randomUUID() }));
  }

  private review() {
    return this.step('Reviewed', () => this.api.workflow.reviewTranscript({ site: this.site, id: this.transcriptId,
      idempotencyKey: crypto.randomUUID() }));
  }

  private release() {
    return this.step('Released', () => this.api.workflow.releaseTranscript({ site: this.site, id: this.transcriptId,
      idempotencyKey: crypto.randomUUID() }));
  }

  private raise(event: Event) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    return this.step('Query raised', () => this.api.workflow.raiseTranscriptQuery({ site: this.site, id: this.transcriptId,
      queryRaise: { paragraph: Number(form.get('paragraph')), question: String(form.get('question') ?? '').trim() },
      idempotencyKey: crypto.randomUUID() }));
  }

  private answer(event: Event, queryId: string) {
    event.preventDefault();
    const answer = String(new FormData(event.target as HTMLFormElement).get('answer') ?? '').trim();
    return this.step('Query answered', () => this.api.workflow.answerTranscriptQuery({ site: this.site, id: this.transcriptId, queryId,
      queryAnswer: { answer }, idempotencyKey: crypto.randomUUID() }));
  }

  /** A released transcript changes only as a new version: one paragraph's original and English, with the reason. */
  private revise(event: Event) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => ((data.get(name) as string | null) ?? '').trim();
    return this.step('Revised', () => this.api.versions.reviseTranscript({ site: this.site, id: this.transcriptId,
      idempotencyKey: crypto.randomUUID(), revision: { reason: text('reason'), paragraphs: [{ n: Number(text('paragraph')),
        text: text('text') || undefined, english: text('english') || undefined }] } }));
  }

  override render() {
    const t = this.transcript;
    if (!t) {
      return this.refusal ? html`<p class="refusal" role="alert">${this.refusal.message}</p>` : html`<p role="status">Loading…</p>`;
    }
    const siteLink = `#/intake/${encodeURIComponent(this.site)}`;
    return html`
      <p><a href=${siteLink}>Back to the intake</a></p>
      <h2>${t.externalId} <small>(${t.language})</small></h2>
      <p>Stage: <strong data-testid="stage">${t.status}</strong>${t.translatedBy ? html` · translated by ${t.translatedBy}` : nothing}
        ${t.reviewers?.length ? html` · reviewed by ${t.reviewers.join(' and ')}` : nothing}</p>
      <div class="actions" role="group" aria-label="Next step">${this.renderSteps(t)}</div>
      ${this.notice ? html`<p class="done" role="status">${this.notice}</p>` : nothing}
      ${this.refusal ? html`<p class="refusal" role="alert">${this.refusal.message}</p>` : nothing}
      ${this.renderQueries(t)}
      <h3>History</h3>
      <transcript-history .history=${t.history ?? []}></transcript-history>
      ${t.status === 'released' && (rolesAt(this.me, this.site).has('site-researcher') || rolesAt(this.me, this.site).has('site-lead'))
        ? html`<h3>Revise a paragraph</h3><form class="filters" @submit=${this.revise}>
          <label>Paragraph <input name="paragraph" type="number" min="1" max=${t.paragraphs?.length ?? 1} required size="5"></label>
          <label>Original <input name="text" size="40"></label><label>English <input name="english" size="40"></label>
          <label>Reason <input name="reason" required size="30"></label>
          <button type="submit" ?disabled=${this.busy}>Save as a new version</button></form>` : nothing}
      ${t.status === 'released' || t.status === 'withdrawn' ? keyed(t.updatedAt?.toISOString() ?? '', html`<version-diff .api=${this.api}
        site=${this.site} transcript-id=${this.transcriptId}></version-diff>`) : nothing}
      <h3>Paragraphs</h3>
      <table data-testid="paragraphs">
        <thead><tr><th>Paragraph</th><th>Speaker</th><th lang=${t.language ?? ''}>Original</th><th>English</th></tr></thead>
        <tbody>${(t.paragraphs ?? []).slice(0, SHOWN).map(p => html`<tr><td>${p.label}</td><td>${p.speaker}</td>
          <td lang=${t.language ?? ''}>${p.text}</td><td>${p.english ?? ''}</td></tr>`)}</tbody>
      </table>
      ${(t.paragraphs?.length ?? 0) > SHOWN ? html`<p>The first ${SHOWN} of ${t.paragraphs?.length} paragraphs are shown;
        <a href="${siteLink}/transcripts/${encodeURIComponent(this.transcriptId)}/translate">the translation editor</a> shows all.</p>` : nothing}
    `;
  }

  /** The steps the caller's roles allow at this stage; the server refuses any other, and says why. */
  private renderSteps(t: TranscriptView) {
    const roles = rolesAt(this.me, this.site);
    const checker = roles.has('site-researcher') || roles.has('site-lead');
    const steps = [];
    if (t.status === 'uploaded' && checker) {
      steps.push(html`<button ?disabled=${this.busy} @click=${this.backCheck}>Confirm the back-check against the recording</button>`);
    }
    if ((t.status === 'back-checked' || t.status === 'translated' || t.status === 'reviewed') && roles.has('translator')) {
      steps.push(html`<a href="#/intake/${encodeURIComponent(this.site)}/transcripts/${encodeURIComponent(this.transcriptId)}/translate">
        ${t.status === 'back-checked' ? 'Translate' : 'Open the translation'}</a>`);
    }
    if (t.status === 'translated' && roles.has('translator') && t.translatedBy !== this.me.username
      && !(t.reviewers ?? []).includes(this.me.username ?? '')) {
      steps.push(html`<button ?disabled=${this.busy} @click=${this.review}>Approve the translation as reviewer</button>`);
    }
    if (t.status === 'reviewed' && roles.has('site-lead')) {
      steps.push(html`<button ?disabled=${this.busy} @click=${this.release}>Release for analysis</button>`);
    }
    return steps.length ? steps : html`<span>No step for your roles at this stage.</span>`;
  }

  private renderQueries(t: TranscriptView) {
    const roles = rolesAt(this.me, this.site);
    const answerer = roles.has('site-researcher') || roles.has('site-lead');
    const queries = t.queries ?? [];
    return html`
      <h3>Site-check queries (${queries.filter(q => !q.answer).length} open)</h3>
      ${queries.length ? html`<ul>${queries.map(q => html`<li>Paragraph ${q.paragraph}: ${q.question} <small>(${q.raisedBy})</small>
        ${q.answer ? html`<br>Answer: ${q.answer} <small>(${q.answeredBy})</small>`
          : answerer ? html`<form @submit=${(e: Event) => this.answer(e, q.id ?? '')}><label>Answer
            <input name="answer" required size="50"></label> <button type="submit" ?disabled=${this.busy}>Answer</button></form>` : nothing}
      </li>`)}</ul>` : html`<p>None.</p>`}
      ${roles.has('translator') && t.status !== 'released' && t.status !== 'withdrawn' ? html`<form @submit=${this.raise}>
        <label>Paragraph <input name="paragraph" type="number" min="1" max=${t.paragraphs?.length ?? 1} required size="5"></label>
        <label>Question <input name="question" required size="50"></label>
        <button type="submit" ?disabled=${this.busy}>Raise a query</button></form>` : nothing}
    `;
  }
}

customElements.define('site-transcript', SiteTranscript);
