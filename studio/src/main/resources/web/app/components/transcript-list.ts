import { LitElement, css, html } from 'lit';
import type { Api, ReleasedTranscriptSummary } from '../api';
import { refusalOf, type Refusal } from '../problem';

/** Released transcripts the caller may code, paged, with a site filter. */
export class TranscriptList extends LitElement {
  static properties = {
    api: { attribute: false },
    items: { state: true },
    page: { state: true },
    total: { state: true },
    site: { state: true },
    refusal: { state: true },
  };

  declare api: Api;
  declare items: ReleasedTranscriptSummary[];
  declare page: number;
  declare total: number;
  declare site: string;
  declare refusal?: Refusal;
  private readonly size = 20;

  static styles = css`
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: 0.3rem 0.6rem; border-bottom: 1px solid #d9e2ec; }
    .pages { display: flex; gap: 1rem; align-items: center; margin-top: 0.5rem; }
    .refusal { color: #a61b1b; }
    :focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
  `;

  constructor() {
    super();
    this.items = [];
    this.page = 0;
    this.total = 0;
    this.site = '';
  }

  override connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  private async load() {
    try {
      const answer = await this.api.transcripts.listReleasedTranscripts({ site: this.site || undefined, page: this.page, size: this.size });
      this.items = answer.items ?? [];
      this.total = answer.total ?? 0;
      this.refusal = undefined;
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  private filter(event: Event) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    this.site = (new FormData(form).get('site') as string).trim().toUpperCase();
    this.page = 0;
    this.load();
  }

  private go(page: number) {
    this.page = page;
    this.load();
  }

  override render() {
    const pages = Math.max(1, Math.ceil(this.total / this.size));
    return html`
      <h2>Released transcripts</h2>
      <form @submit=${this.filter} role="search">
        <label>Site <input name="site" .value=${this.site} size="6" aria-describedby="site-refusal"
          aria-invalid=${this.refusal?.pointer === '/site' ? 'true' : 'false'}></label>
        <button type="submit">Filter</button>
      </form>
      ${this.refusal ? html`<p id="site-refusal" class="refusal" role="alert">${this.refusal.message}</p>` : ''}
      <table>
        <thead><tr><th>Transcript</th><th>Site</th><th>Language</th><th>Released</th></tr></thead>
        <tbody>
          ${this.items.map(t => html`<tr>
            <td><a href="#/transcripts/${encodeURIComponent(t.id ?? '')}">${t.externalId}</a></td>
            <td>${t.site}</td><td>${t.language}</td><td>${t.releasedAt?.toLocaleDateString()}</td></tr>`)}
        </tbody>
      </table>
      <div class="pages">
        <button ?disabled=${this.page === 0} @click=${() => this.go(this.page - 1)}>Previous</button>
        <span>Page ${this.page + 1} of ${pages} (${this.total} transcripts)</span>
        <button ?disabled=${this.page + 1 >= pages} @click=${() => this.go(this.page + 1)}>Next</button>
      </div>
    `;
  }
}

customElements.define('transcript-list', TranscriptList);
