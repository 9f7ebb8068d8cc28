import { LitElement, css, html, nothing } from 'lit';
import type { Api, SearchHit } from '../api';
import type { HitSearch } from '../clients/coding/src';
import { saveWithProgress } from '../download';
import { refusalOf, type Refusal } from '../problem';
import './code-all-hits';
import './page-nav';

const FILTERS = ['site', 'study', 'phase', 'role'] as const;

/**
 * Keyword in context across the transcripts the caller may read (English, or the originals of their own sites, audited),
 * narrowed by site, study, phase and speaker role, paged; the hits can be exported with progress or all coded at once.
 */
export class SearchScreen extends LitElement {
  static properties = {
    api: { attribute: false },
    search: { state: true },
    hits: { state: true },
    page: { state: true },
    total: { state: true },
    refusal: { state: true },
    exported: { state: true },
  };

  declare api: Api;
  declare search?: HitSearch;
  declare hits: SearchHit[];
  declare page: number;
  declare total: number;
  declare refusal?: Refusal;
  declare exported?: string;
  private readonly size = 20;

  static styles = css`
    form { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; }
    table { border-collapse: collapse; width: 100%; margin-top: 0.8rem; }
    th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #d9e2ec; vertical-align: top; }
    .before { text-align: right; color: #486581; }
    .after { color: #486581; }
    mark { background: #ffe38a; }
    .refusal { color: #a61b1b; }
    :focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
  `;

  constructor() {
    super();
    this.hits = [];
    this.page = 0;
    this.total = 0;
  }

  private submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => ((form.get(name) as string | null) ?? '').trim() || undefined;
    this.search = { q: text('q') ?? '', text: text('text') as HitSearch['text'], site: text('site')?.toUpperCase(), study: text('study'),
      phase: text('phase'), role: text('role') };
    this.page = 0;
    this.load();
  }

  private async load() {
    try {
      const answer = await this.api.search.searchTranscripts({ ...this.search, page: this.page, size: this.size });
      this.hits = answer.items ?? [];
      this.total = answer.total ?? 0;
      this.refusal = undefined;
    } catch (error) {
      this.hits = [];
      this.refusal = await refusalOf(error);
    }
  }

  private async export() {
    try {
      const answer = await this.api.search.exportSearchHitsRaw({ ...this.search, format: 'csv' as never });
      const bytes = await saveWithProgress(answer.raw, 'hits.csv', received => (this.exported = `Exporting… ${Math.round(received / 1024)} KB`));
      this.exported = `Exported ${Math.round(bytes / 1024)} KB.`;
    } catch (error) {
      this.exported = (await refusalOf(error)).message;
    }
  }

  private invalid(field: string): 'true' | 'false' {
    return this.refusal?.pointer === '/' + field ? 'true' : 'false';
  }

  override render() {
    return html`
      <h2>Search</h2>
      <form role="search" @submit=${this.submit}>
        <label>Words <input name="q" size="30" aria-invalid=${this.invalid('q')} placeholder='peer "lived experience" -training'></label>
        <label>Text <select name="text"><option value="english">English</option><option value="original">originals of my sites</option></select></label>
        ${FILTERS.map(name => html`<label>${name[0].toUpperCase() + name.slice(1)} <input name=${name} size="10"
          aria-invalid=${this.invalid(name)}></label>`)}
        <button type="submit">Search</button>
      </form>
      ${this.refusal ? html`<p class="refusal" role="alert">${this.refusal.message}</p>` : nothing}
      ${this.search && !this.refusal ? html`
        <p role="status">${this.total} hits. <button @click=${() => this.export()} ?disabled=${!this.total}>Export as CSV</button>
          ${this.exported ?? ''}</p>
        <table aria-label="Hits">
          <thead><tr><th>Where</th><th>Speaker</th><th colspan="3">Keyword in context</th></tr></thead>
          <tbody>${this.hits.map(h => html`<tr data-testid="hit">
            <td><a href="#/transcripts/${encodeURIComponent(h.transcriptId ?? '')}?paragraph=${h.paragraph}">${h.label}</a>
              <small>${h.externalId}</small></td>
            <td>${h.speaker}${h.speakerRole ? ` (${h.speakerRole})` : ''}</td>
            <td class="before">${h.before}</td><td><mark>${h.match}</mark></td><td class="after">${h.after}</td></tr>`)}</tbody>
        </table>
        <page-nav .page=${this.page} .size=${this.size} .total=${this.total} noun="hits"
          @go=${(e: CustomEvent<number>) => { this.page = e.detail; this.load(); }}></page-nav>
        ${this.total ? html`<code-all-hits .api=${this.api} .search=${this.search}></code-all-hits>` : nothing}` : nothing}
    `;
  }
}

customElements.define('search-screen', SearchScreen);
