import { LitElement, css, html } from 'lit';
import type { Api, ReleasedTranscriptSummary } from '../api';
import './page-nav';
import { refusalOf, type Refusal } from '../problem';

interface Filters {
  site: string;
  study: string;
  phase: string;
  language: string;
  coded: '' | 'true' | 'false';
}

/** Released transcripts the caller may code, paged, narrowed by site, study, phase, language and whether they are coded. */
export class TranscriptList extends LitElement {
  static properties = {
    api: { attribute: false },
    items: { state: true },
    page: { state: true },
    total: { state: true },
    filters: { state: true },
    refusal: { state: true },
  };

  declare api: Api;
  declare items: ReleasedTranscriptSummary[];
  declare page: number;
  declare total: number;
  declare filters: Filters;
  declare refusal?: Refusal;
  private readonly size = 20;
  private requests = 0;

  static styles = css`
    form { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: 0.3rem 0.6rem; border-bottom: 1px solid #d9e2ec; }
    .refusal { color: #a61b1b; }
    :focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
  `;

  constructor() {
    super();
    this.items = [];
    this.page = 0;
    this.total = 0;
    this.filters = { site: '', study: '', phase: '', language: '', coded: '' };
  }

  override connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  private async load() {
    // the first page, asked for on opening, may answer after a filtered one asked for since: only the latest is shown
    const request = ++this.requests;
    try {
      const f = this.filters;
      const answer = await this.api.transcripts.listReleasedTranscripts({ site: f.site || undefined, study: f.study || undefined,
        phase: f.phase || undefined, language: f.language || undefined, coded: f.coded === '' ? undefined : f.coded === 'true',
        page: this.page, size: this.size });
      if (request === this.requests) {
        this.items = answer.items ?? [];
        this.total = answer.total ?? 0;
        this.refusal = undefined;
      }
    } catch (error) {
      if (request === this.requests) {
        this.refusal = await refusalOf(error);
      }
    }
  }

  private filter(event: Event) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => ((form.get(name) as string | null) ?? '').trim();
    this.filters = { site: text('site').toUpperCase(), study: text('study'), phase: text('phase'), language: text('language'),
      coded: text('coded') as Filters['coded'] };
    this.page = 0;
    this.load();
  }

  private go(page: number) {
    this.page = page;
    this.load();
  }

  override render() {
    return html`
      <h2>Released transcripts</h2>
      <form @submit=${this.filter} role="search">
        ${(['site', 'study', 'phase', 'language'] as const).map(name => html`<label>${name[0].toUpperCase() + name.slice(1)}
          <input name=${name} .value=${this.filters[name]} size="10" aria-describedby="filter-refusal"
            aria-invalid=${this.refusal?.pointer === '/' + name ? 'true' : 'false'}></label>`)}
        <label>Coded <select name="coded" .value=${this.filters.coded}>
          <option value="">either</option><option value="true">coded</option><option value="false">not coded</option></select></label>
        <button type="submit">Filter</button>
      </form>
      ${this.refusal ? html`<p id="filter-refusal" class="refusal" role="alert">${this.refusal.message}</p>` : ''}
      <table>
        <thead><tr><th>Transcript</th><th>Site</th><th>Study</th><th>Phase</th><th>Language</th><th>Released</th></tr></thead>
        <tbody>
          ${this.items.map(t => html`<tr>
            <td><a href="#/transcripts/${encodeURIComponent(t.id ?? '')}">${t.externalId}</a></td>
            <td>${t.site}</td><td>${t.study ?? ''}</td><td>${t.phase ?? ''}</td><td>${t.language}</td><td>${t.releasedAt?.toLocaleDateString()}</td></tr>`)}
        </tbody>
      </table>
      <page-nav .page=${this.page} .size=${this.size} .total=${this.total} noun="transcripts" @go=${(e: CustomEvent<number>) => this.go(e.detail)}></page-nav>
    `;
  }
}

customElements.define('transcript-list', TranscriptList);
