import { LitElement, html } from 'lit';
import { rolesAt, staffSites, type Api, type Me } from '../api';
import type { ExportQdpxProjectPositionsEnum, ImportView } from '../clients/coding/src';
import type { ImportQdpxProjectKindEnum, ProjectImport } from '../clients/transcript/src';
import { saveWithProgress } from '../download';
import { IDENTIFIER_KINDS, parseIdentifiers } from '../identifiers';
import { refusalOf, type Refusal } from '../problem';
import { screenStyles } from '../styles';
import './import-progress';
import type { JobState } from './import-progress';

/** How often a running import is asked about. */
const POLL_MS = 1000;

const FINISHED = new Set(['done', 'failed']);

/**
 * REFI-QDA exchange with MAXQDA, NVivo and ATLAS.ti: export released transcripts for coding (by transcript, study and phase,
 * or site), bring the coded file back (into a blind round or not), and move a whole desktop project into a site, each
 * import with its progress and every skipped item with its reason.
 */
export class ExchangeScreen extends LitElement {
  static properties = {
    api: { attribute: false },
    me: { attribute: false },
    exported: { state: true },
    job: { state: true },
    projectJob: { state: true },
    refusal: { state: true },
    sites: { state: true },
  };

  declare api: Api;
  declare me: Me;
  declare exported?: string;
  declare job?: JobState;
  declare projectJob?: JobState;
  declare refusal?: Refusal;
  declare sites: string[];

  static styles = screenStyles;

  constructor() {
    super();
    this.sites = [];
  }

  override async connectedCallback() {
    super.connectedCallback();
    this.sites = (await staffSites(this.api, this.me).catch(() => [])).filter(site => {
      const roles = rolesAt(this.me, site);
      return roles.has('site-lead') || roles.has('site-researcher');
    });
  }

  private async exportProject(event: Event) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => ((data.get(name) as string | null) ?? '').trim() || undefined;
    try {
      const answer = await this.api.exchange.exportQdpxProjectRaw({ study: text('study'), phase: text('phase'), site: text('site'),
        codebook: text('codebook'), transcript: text('transcripts')?.split(/[\s,]+/).filter(Boolean),
        positions: (text('positions') ?? 'standard') as ExportQdpxProjectPositionsEnum });
      const bytes = await saveWithProgress(answer.raw, 'chorus-export.qdpx', got => (this.exported = `Exporting… ${Math.round(got / 1024)} KB`));
      this.exported = `Exported ${Math.max(1, Math.round(bytes / 1024))} KB.`;
      this.refusal = undefined;
    } catch (error) {
      this.refusal = await refusalOf(error);
      this.exported = undefined;
    }
  }

  private static codingJob(view: ImportView): JobState {
    return { status: view.status, parts: [{ label: 'Sources', ...view.sources }, { label: 'Codings', ...view.codings }],
      summary: `${view.codingsAdded ?? 0} codings and ${view.codesAdded ?? 0} codes added`, skipped: view.skipped ?? [] };
  }

  private static projectJob(view: ProjectImport): JobState {
    return { status: view.status, parts: [{ label: 'Sources', done: view.sourcesDone, total: view.sourcesTotal },
      { label: 'Codings placed', done: view.codingsPlaced, total: view.codingsTotal }],
      summary: `${view.transcripts?.length ?? 0} transcripts made, ${view.participants ?? 0} participants registered`, skipped: view.skipped ?? [] };
  }

  private async importCodings(event: Event) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => ((data.get(name) as string | null) ?? '').trim() || undefined;
    try {
      let view = await this.api.exchange.importQdpxCodings({ file: data.get('file') as File, coder: text('coder'), round: text('round'),
        idempotencyKey: crypto.randomUUID() });
      this.job = ExchangeScreen.codingJob(view);
      while (!FINISHED.has(view.status ?? '') && this.isConnected) {
        await new Promise(resolve => setTimeout(resolve, POLL_MS));
        view = await this.api.exchange.getImport({ id: view.id ?? '' });
        this.job = ExchangeScreen.codingJob(view);
      }
      this.refusal = undefined;
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  private async importProject(event: Event) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => ((data.get(name) as string | null) ?? '').trim();
    const site = text('site');
    try {
      const identifiers = parseIdentifiers(text('identifiers'));
      let view = await this.api.projects.importQdpxProject({ site, file: data.get('file') as File, study: text('study'), phase: text('phase'),
        language: text('language'), kind: text('kind') as ImportQdpxProjectKindEnum, idempotencyKey: crypto.randomUUID(),
        identifiers: identifiers.length ? JSON.stringify(identifiers) : undefined });
      this.projectJob = ExchangeScreen.projectJob(view);
      while (!FINISHED.has(view.status ?? '') && this.isConnected) {
        await new Promise(resolve => setTimeout(resolve, POLL_MS));
        view = await this.api.projects.getProjectImport({ site, id: view.id ?? '' });
        this.projectJob = ExchangeScreen.projectJob(view);
      }
      this.refusal = undefined;
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  override render() {
    return html`
      <h2>Desktop tools (REFI-QDA)</h2>
      ${this.refusal ? html`<p class="refusal" role="alert">${this.refusal.message}</p>` : ''}
      <section aria-labelledby="export-heading">
        <h3 id="export-heading">Export released transcripts for coding (.qdpx)</h3>
        <form class="filters" @submit=${this.exportProject}>
          <label>Transcript ids <input name="transcripts" size="30" placeholder="comma separated"></label>
          <label>Study <input name="study" size="10"></label>
          <label>Phase <input name="phase" size="14"></label>
          <label>Site <input name="site" size="6"></label>
          <label>Codebook id <input name="codebook" size="20"></label>
          <label>Positions <select name="positions"><option value="standard">standard</option>
            <option value="nvivo">NVivo (characters as NVivo counts them)</option></select></label>
          <button type="submit">Export .qdpx</button>
        </form>
        ${this.exported ? html`<p role="status">${this.exported}</p>` : ''}
      </section>
      <section aria-labelledby="codings-heading">
        <h3 id="codings-heading">Bring back coded work (.qdpx from a Chorus export)</h3>
        <form class="filters" @submit=${this.importCodings}>
          <label>Coded file <input name="file" type="file" accept=".qdpx" required></label>
          <label>Coder (default: you) <input name="coder" size="12"></label>
          <label>Blind round id (optional) <input name="round" size="20"></label>
          <button type="submit">Import the codings</button>
        </form>
        ${this.job ? html`<import-progress .job=${this.job}></import-progress>` : ''}
      </section>
      ${this.sites.length ? html`<section aria-labelledby="project-heading">
        <h3 id="project-heading">Move a whole desktop project into a site</h3>
        <form class="filters" @submit=${this.importProject}>
          <label>Project file <input name="file" type="file" accept=".qdpx" required></label>
          <label>Site <select name="site">${this.sites.map(s => html`<option>${s}</option>`)}</select></label>
          <label>Study <input name="study" required size="10"></label>
          <label>Phase <input name="phase" required size="14"></label>
          <label>Language <input name="language" required size="5"></label>
          <label>Kind <select name="kind"><option>focus-group</option><option>interview</option></select></label>
          <label>Identifiers to replace, one per line as <code>kind: value</code> (kinds: ${IDENTIFIER_KINDS.join(', ')})
            <textarea name="identifiers" rows="2" cols="40"></textarea></label>
          <button type="submit">Import the project</button>
        </form>
        ${this.projectJob ? html`<import-progress .job=${this.projectJob}></import-progress>` : ''}
      </section>` : ''}`;
  }
}

customElements.define('exchange-screen', ExchangeScreen);
