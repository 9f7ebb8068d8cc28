import { LitElement, css, html } from 'lit';
import type { Api } from '../api';
import type { CodebookSummary } from '../clients/coding/src';
import type { Report } from '../clients/reporting/src';
import type { Study } from '../clients/transcript/src';
import { saveWithProgress } from '../download';
import { refusalOf, type Refusal } from '../problem';
import { REPORTS, formatsOf, type ReportFormat, type ReportKind } from '../reports';
import { screenStyles } from '../styles';
import './report-table';

interface Filters {
  study: string;
  phase: string;
  income: string;
  role: string;
  site: string;
  codebook: string;
  by: string;
  level: string;
}

const EMPTY: Filters = { study: '', phase: '', income: '', role: '', site: '', codebook: '', by: '', level: '' };

/**
 * The paper's tables for everyone who may read them, filtered by study, phase, income, role, site and codebook; the figure the
 * service draws; downloads in every format the API offers. What a reader may see is the service's decision (disclosure control).
 */
export class ReportsScreen extends LitElement {
  static properties = {
    api: { attribute: false },
    kind: { state: true },
    filters: { state: true },
    report: { state: true },
    figure: { state: true },
    studies: { state: true },
    codebooks: { state: true },
    refusal: { state: true },
    downloaded: { state: true },
    loading: { state: true },
  };

  declare api: Api;
  declare kind: ReportKind;
  declare filters: Filters;
  declare report?: Report;
  declare figure?: string;
  declare studies: Study[];
  declare codebooks: CodebookSummary[];
  declare refusal?: Refusal;
  declare downloaded?: string;
  declare loading: boolean;
  /** How many loads were started: only the latest one's answer is shown. */
  private requests = 0;

  static styles = [screenStyles, css`
    .figure img { max-width: 100%; border: 1px solid #d9e2ec; }
    .downloads { display: flex; gap: 0.5rem; align-items: center; }
  `];

  constructor() {
    super();
    this.kind = REPORTS[0];
    this.filters = { ...EMPTY };
    this.studies = [];
    this.codebooks = [];
    this.loading = false;
  }

  override async connectedCallback() {
    super.connectedCallback();
    this.load();
    // the pickers are a convenience: a reader who may not list studies or codebooks types the value instead
    this.studies = await this.api.studies.listStudies().catch(() => []);
    this.codebooks = (await this.api.codebooks.listCodebooks({ size: 100 }).catch(() => ({ items: [] }))).items ?? [];
  }

  /** The query the API takes: only the filters given, and only those this report knows. */
  private query(format: ReportFormat): Record<string, unknown> {
    const f = this.filters;
    const query: Record<string, unknown> = { format };
    const given = (name: keyof Filters) => f[name] !== '' ? f[name] : undefined;
    if (this.kind.key !== 'progress') {
      Object.assign(query, { study: given('study'), phase: given('phase'), income: given('income'), role: given('role'),
        site: given('site'), codebook: given('codebook') });
    } else {
      query.study = given('study');
    }
    if (this.kind.by) {
      query.by = given('by');
    }
    if (this.kind.level && f.level) {
      query.level = Number(f.level);
    }
    return query;
  }

  private async load() {
    // a slower answer to an earlier choice must not replace the answer to the latest one
    const request = ++this.requests;
    const current = () => request === this.requests;
    this.loading = true;
    this.figure = undefined;
    try {
      const report = await (await this.kind.fetch(this.api, this.query('json'))).value() as Report;
      const svg = this.kind.figure ? await (await this.kind.fetch(this.api, this.query('svg'))).raw.text() : undefined;
      if (current()) {
        this.report = report;
        this.figure = svg === undefined ? undefined : URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
        this.refusal = undefined;
      }
    } catch (error) {
      if (current()) {
        this.report = undefined;
        this.refusal = await refusalOf(error);
      }
    } finally {
      if (current()) {
        this.loading = false;
      }
    }
  }

  private choose(key: string) {
    this.kind = REPORTS.find(r => r.key === key) ?? REPORTS[0];
    this.load();
  }

  private filter(event: Event) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => ((data.get(name) as string | null) ?? '').trim();
    this.filters = { study: text('study'), phase: text('phase'), income: text('income'), role: text('role'),
      site: text('site').toUpperCase(), codebook: text('codebook'), by: text('by'), level: text('level') };
    this.load();
  }

  private async download(format: ReportFormat) {
    try {
      const answer = await this.kind.fetch(this.api, this.query(format));
      const bytes = await saveWithProgress(answer.raw, `${this.kind.key}.${format}`,
        got => (this.downloaded = `Downloading ${format.toUpperCase()}… ${Math.round(got / 1024)} KB`));
      this.downloaded = `Downloaded ${this.kind.key}.${format} (${Math.max(1, Math.round(bytes / 1024))} KB).`;
    } catch (error) {
      this.downloaded = (await refusalOf(error)).message;
    }
  }

  private invalid(name: string): 'true' | 'false' {
    return this.refusal?.pointer === '/' + name || this.refusal?.pointer === name ? 'true' : 'false';
  }

  override render() {
    const f = this.filters;
    return html`
      <h2>Reports</h2>
      <label>Report <select aria-label="Report" @change=${(e: Event) => this.choose((e.target as HTMLSelectElement).value)}>
        ${REPORTS.map(r => html`<option value=${r.key} ?selected=${r.key === this.kind.key}>${r.title}</option>`)}</select></label>
      <form class="filters" role="search" @submit=${this.filter} aria-describedby="report-refusal">
        <label>Study <input name="study" list="studies" .value=${f.study} size="12" aria-invalid=${this.invalid('study')}></label>
        <datalist id="studies">${this.studies.map(s => html`<option value=${s.code ?? ''}>${s.title ?? ''}</option>`)}</datalist>
        <label>Phase <input name="phase" .value=${f.phase} size="16" aria-invalid=${this.invalid('phase')}></label>
        <label>Income <select name="income" aria-label="Income" .value=${f.income}>
          ${['', 'HIC', 'UMIC', 'LMIC', 'LIC'].map(b => html`<option value=${b}>${b || 'any'}</option>`)}</select></label>
        <label>Role <input name="role" .value=${f.role} size="6" aria-invalid=${this.invalid('role')}></label>
        <label>Site <input name="site" .value=${f.site} size="6" aria-invalid=${this.invalid('site')}></label>
        <label>Codebook <select name="codebook" aria-label="Codebook" .value=${f.codebook}><option value="">the phase's</option>
          ${this.codebooks.map(c => html`<option value=${c.id ?? ''}>${c.name} v${c.version}</option>`)}</select></label>
        ${this.kind.by ? html`<label>By <select name="by" aria-label="By" .value=${f.by}>
          ${this.kind.by.map(b => html`<option value=${b}>${b}</option>`)}</select></label>` : ''}
        ${this.kind.level ? html`<label>Code level <input name="level" type="number" min="1" .value=${f.level} size="3"></label>` : ''}
        <button type="submit">Show</button>
      </form>
      <div class="downloads" role="group" aria-label="Download">Download:
        ${formatsOf(this.kind).map(format => html`<button @click=${() => this.download(format)}>${format.toUpperCase()}</button>`)}
        ${this.downloaded ? html`<span role="status">${this.downloaded}</span>` : ''}</div>
      ${this.loading ? html`<p role="status">Loading…</p>` : ''}
      ${this.refusal ? html`<p id="report-refusal" class="refusal" role="alert">${this.refusal.message}</p>` : ''}
      ${this.report ? html`<report-table .report=${this.report}></report-table>` : ''}
      ${this.figure && this.report ? html`<figure class="figure"><img src=${this.figure} alt=${this.report.chart?.caption ?? this.report.title ?? 'Figure'}>
        <figcaption>${this.report.chart?.caption ?? ''}</figcaption></figure>` : ''}`;
  }
}

customElements.define('reports-screen', ReportsScreen);
