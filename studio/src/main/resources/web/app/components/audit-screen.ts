import { LitElement, html } from 'lit';
import type { Api } from '../api';
import { saveWithProgress } from '../download';
import { refusalOf, type Refusal } from '../problem';
import { screenStyles } from '../styles';
import './page-nav';

type Log = 'access' | 'reads';

interface Filters {
  person: string;
  site: string;
  from: string;
  to: string;
}

interface Row {
  at?: Date;
  person?: string;
  site?: string;
  what: string;
}

/** The audit trails for consortium admins: access changes and original-language reads, by person, site and time, paged and as CSV. */
export class AuditScreen extends LitElement {
  static properties = {
    api: { attribute: false },
    log: { state: true },
    filters: { state: true },
    rows: { state: true },
    page: { state: true },
    total: { state: true },
    refusal: { state: true },
    exported: { state: true },
  };

  declare api: Api;
  declare log: Log;
  declare filters: Filters;
  declare rows: Row[];
  declare page: number;
  declare total: number;
  declare refusal?: Refusal;
  declare exported?: string;
  private readonly size = 50;

  static styles = screenStyles;

  constructor() {
    super();
    this.log = 'access';
    this.filters = { person: '', site: '', from: '', to: '' };
    this.rows = [];
    this.page = 0;
    this.total = 0;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  /** The filters as both audit APIs take them: dates are whole days, `to` inclusive of its day. */
  private query() {
    const f = this.filters;
    const to = f.to ? new Date(new Date(f.to).getTime() + 86_400_000) : undefined;
    return { site: f.site || undefined, from: f.from ? new Date(f.from) : undefined, to };
  }

  private async load() {
    try {
      const person = this.filters.person || undefined;
      if (this.log === 'access') {
        const answer = await this.api.accessAudit.listAccessChanges({ ...this.query(), actor: person, page: this.page, size: this.size });
        this.rows = (answer.items ?? []).map(c => ({ at: c.at, person: c.actor, site: c.site,
          what: [c.action, c.target, c.detail === '{}' ? undefined : c.detail].filter(Boolean).join(' ') }));
        this.total = answer.total ?? 0;
      } else {
        const answer = await this.api.readAudit.listOriginalReads({ ...this.query(), username: person, page: this.page, size: this.size });
        this.rows = (answer.items ?? []).map(r => ({ at: r.at, person: r.username, site: r.site, what: `read ${r.externalId} (${r.language})` }));
        this.total = answer.total ?? 0;
      }
      this.refusal = undefined;
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  private filter(event: Event) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => ((data.get(name) as string | null) ?? '').trim();
    this.filters = { person: text('person'), site: text('site').toUpperCase(), from: text('from'), to: text('to') };
    this.page = 0;
    this.load();
  }

  private choose(log: Log) {
    this.log = log;
    this.page = 0;
    this.load();
  }

  private async download() {
    try {
      const person = this.filters.person || undefined;
      const answer = this.log === 'access'
        ? await this.api.accessAudit.exportAccessChangesRaw({ ...this.query(), actor: person })
        : await this.api.readAudit.exportOriginalReadsRaw({ ...this.query(), username: person });
      const bytes = await saveWithProgress(answer.raw, `${this.log}.csv`, got => (this.exported = `Downloading… ${Math.round(got / 1024)} KB`));
      this.exported = `Downloaded ${Math.max(1, Math.round(bytes / 1024))} KB.`;
    } catch (error) {
      this.exported = (await refusalOf(error)).message;
    }
  }

  override render() {
    const f = this.filters;
    return html`
      <h2>Audit</h2>
      <div class="actions" role="group" aria-label="Which audit">
        <button aria-pressed=${this.log === 'access' ? 'true' : 'false'} @click=${() => this.choose('access')}>Access changes</button>
        <button aria-pressed=${this.log === 'reads' ? 'true' : 'false'} @click=${() => this.choose('reads')}>Original-language reads</button>
      </div>
      <form class="filters" role="search" @submit=${this.filter}>
        <label>Person <input name="person" .value=${f.person}></label>
        <label>Site <input name="site" .value=${f.site} size="6"></label>
        <label>From <input name="from" type="date" .value=${f.from}></label>
        <label>To <input name="to" type="date" .value=${f.to}></label>
        <button type="submit">Filter</button>
        <button type="button" @click=${this.download}>Download CSV</button>
      </form>
      ${this.exported ? html`<p role="status">${this.exported}</p>` : ''}
      ${this.refusal ? html`<p class="refusal" role="alert">${this.refusal.message}</p>` : ''}
      <table data-testid="audit">
        <thead><tr><th>When</th><th>Person</th><th>Site</th><th>What</th></tr></thead>
        <tbody>${this.rows.map(r => html`<tr><td>${r.at?.toLocaleString()}</td><td>${r.person}</td><td>${r.site}</td><td>${r.what}</td></tr>`)}</tbody>
      </table>
      <page-nav .page=${this.page} .size=${this.size} .total=${this.total} noun="entries"
        @go=${(e: CustomEvent<number>) => { this.page = e.detail; this.load(); }}></page-nav>`;
  }
}

customElements.define('audit-screen', AuditScreen);
