import { LitElement, html } from 'lit';
import { rolesAt, staffSites, type Api, type Me, type Stage, type StageCounts, type TranscriptSummary, type WorkflowBatchItemResult } from '../api';
import { refusalOf, type Refusal } from '../problem';
import { screenStyles } from '../styles';
import './page-nav';
import './stage-tabs';

type BatchStep = 'back-check' | 'review' | 'release';

/** The steps a batch may take, with the role at the site each needs (the server checks the same). */
const STEPS: { step: BatchStep; label: string; role: string }[] = [
  { step: 'back-check', label: 'Back-check selected', role: 'site-researcher' },
  { step: 'review', label: 'Review selected', role: 'translator' },
  { step: 'release', label: 'Release selected', role: 'site-lead' },
];

/** A site's transcripts before and after release: counts and a page per stage, a session filter, and batch steps with a result each. */
export class IntakeScreen extends LitElement {
  static properties = {
    api: { attribute: false },
    me: { attribute: false },
    site: {},
    sites: { state: true },
    stage: { state: true },
    session: { state: true },
    counts: { state: true },
    items: { state: true },
    page: { state: true },
    total: { state: true },
    selected: { state: true },
    results: { state: true },
    refusal: { state: true },
    running: { state: true },
  };

  declare api: Api;
  declare me: Me;
  declare site: string;
  declare sites: string[];
  declare stage: Stage | '';
  declare session: string;
  declare counts?: StageCounts;
  declare items: TranscriptSummary[];
  declare page: number;
  declare total: number;
  declare selected: Set<string>;
  declare results?: { step: string; items: WorkflowBatchItemResult[]; names: Map<string, string> };
  declare refusal?: Refusal;
  declare running: boolean;
  private readonly size = 25;
  private requests = 0;

  static styles = screenStyles;

  constructor() {
    super();
    this.sites = [];
    this.stage = '';
    this.session = '';
    this.items = [];
    this.page = 0;
    this.total = 0;
    this.selected = new Set();
    this.running = false;
  }

  override async connectedCallback() {
    super.connectedCallback();
    try {
      this.sites = await staffSites(this.api, this.me);
      if (!this.site && this.sites.length) {
        window.location.hash = `#/intake/${encodeURIComponent(this.sites[0])}`;
        return;
      }
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
    await this.load();
  }

  private async load() {
    if (!this.site) {
      return;
    }
    // a stage chosen while an earlier page is on its way: only the latest answer is shown
    const request = ++this.requests;
    try {
      const [counts, page] = await Promise.all([
        this.api.originals.countTranscriptsByStage({ site: this.site }),
        this.api.originals.listTranscripts({ site: this.site, stage: this.stage || undefined, session: this.session || undefined,
          page: this.page, size: this.size }),
      ]);
      if (request !== this.requests) {
        return;
      }
      this.counts = counts;
      this.items = page.items ?? [];
      this.total = page.total ?? 0;
      this.refusal = undefined;
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  private chooseStage(stage: Stage | '') {
    this.stage = stage;
    this.page = 0;
    this.selected = new Set();
    this.load();
  }

  private filter(event: Event) {
    event.preventDefault();
    this.session = ((new FormData(event.target as HTMLFormElement).get('session') as string | null) ?? '').trim();
    this.page = 0;
    this.load();
  }

  private toggle(id: string, on: boolean) {
    const next = new Set(this.selected);
    if (on) {
      next.add(id);
    } else {
      next.delete(id);
    }
    this.selected = next;
  }

  private async runBatch(step: BatchStep) {
    this.running = true;
    try {
      const answer = await this.api.workflow.runWorkflowBatch({ site: this.site, workflowBatch: { step, transcripts: [...this.selected] },
        idempotencyKey: crypto.randomUUID() });
      // the names are kept before the list reloads: a transcript that moved on leaves this stage's page
      const names = new Map(this.items.map(t => [t.id ?? '', t.externalId ?? '']));
      this.results = { step, items: answer.items ?? [], names };
      this.selected = new Set();
      await this.load();
    } catch (error) {
      this.refusal = await refusalOf(error);
    } finally {
      this.running = false;
    }
  }

  override render() {
    const roles = rolesAt(this.me, this.site);
    const steps = STEPS.filter(s => roles.has(s.role) || (s.role === 'site-researcher' && roles.has('site-lead')));
    const mayPush = roles.has('site-researcher') || roles.has('site-lead');
    return html`
      <h2>Intake at ${this.site}</h2>
      <form class="filters" @submit=${this.filter} role="search">
        <label>Site <select @change=${(e: Event) => (window.location.hash = `#/intake/${encodeURIComponent((e.target as HTMLSelectElement).value)}`)}>
          ${this.sites.map(code => html`<option value=${code} ?selected=${code === this.site}>${code}</option>`)}</select></label>
        <label>Session <input name="session" .value=${this.session} size="16"></label>
        <button type="submit">Filter</button>
        ${mayPush ? html`<a href="#/intake/${encodeURIComponent(this.site)}/push">Push a transcript by hand</a>` : ''}
        <a href="#/intake/${encodeURIComponent(this.site)}/participants">Participants</a>
        <a href="#/intake/${encodeURIComponent(this.site)}/sessions">Sessions</a>
      </form>
      <stage-tabs .counts=${this.counts} .stage=${this.stage} @stage=${(e: CustomEvent<Stage | ''>) => this.chooseStage(e.detail)}></stage-tabs>
      ${this.refusal ? html`<p class="refusal" role="alert">${this.refusal.message}</p>` : ''}
      <div class="actions" role="group" aria-label="Steps for the selected transcripts">
        ${steps.map(s => html`<button ?disabled=${this.selected.size === 0 || this.running} @click=${() => this.runBatch(s.step)}>${s.label}
          (${this.selected.size})</button>`)}
      </div>
      ${this.running ? html`<p role="status">Running the step on ${this.selected.size} transcripts…</p>` : ''}
      ${this.results ? this.renderResults(this.results) : ''}
      <table>
        <thead><tr><th><span class="visually-hidden">Select</span></th><th>Transcript</th><th>Stage</th><th>Language</th><th>Paragraphs</th>
          <th>Last change</th></tr></thead>
        <tbody>
          ${this.items.map(t => html`<tr data-external-id=${t.externalId ?? ''}>
            <td><input type="checkbox" aria-label="Select ${t.externalId}" .checked=${this.selected.has(t.id ?? '')}
              @change=${(e: Event) => this.toggle(t.id ?? '', (e.target as HTMLInputElement).checked)}></td>
            <td><a href="#/intake/${encodeURIComponent(this.site)}/transcripts/${encodeURIComponent(t.id ?? '')}">${t.externalId}</a></td>
            <td>${t.status}</td><td>${t.language}</td><td>${t.paragraphCount}</td>
            <td>${t.updatedAt?.toLocaleString()}</td></tr>`)}
        </tbody>
      </table>
      ${this.items.length === 0 && !this.refusal ? html`<p role="status">No transcripts here${this.stage ? ` at stage ${this.stage}` : ''}.</p>` : ''}
      <page-nav .page=${this.page} .size=${this.size} .total=${this.total} noun="transcripts"
        @go=${(e: CustomEvent<number>) => { this.page = e.detail; this.load(); }}></page-nav>
    `;
  }

  private renderResults(results: { step: string; items: WorkflowBatchItemResult[]; names: Map<string, string> }) {
    const done = results.items.filter(i => i.status === 200).length;
    return html`<section aria-label="Result of the batch" role="status">
      <p>${results.step}: ${done} done, ${results.items.length - done} refused.</p>
      <ul data-testid="batch-results">${results.items.map(item => html`<li class=${item.status === 200 ? 'done' : 'refusal'}>
        ${results.names.get(item.transcriptId ?? '') ?? item.transcriptId}: ${item.status === 200 ? `now ${item.transcriptStatus}`
          : `${item.status} ${item.problem?.detail ?? item.problem?.title ?? ''}`}</li>`)}</ul>
    </section>`;
  }
}

customElements.define('intake-screen', IntakeScreen);
