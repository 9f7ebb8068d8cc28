import { LitElement, css, html, nothing } from 'lit';
import { isAnalyst, type Api, type Me, type MyAssignment, type RoundSummary } from '../api';
import './page-nav';
import './round-form';
import { refusalOf } from '../problem';

/** The user's transcripts to code per round, with their progress, and the rounds they may see, newest first, paged. */
export class RoundList extends LitElement {
  static properties = {
    api: { attribute: false },
    me: { attribute: false },
    starting: { state: true },
    mine: { state: true },
    rounds: { state: true },
    page: { state: true },
    total: { state: true },
    notice: { state: true },
  };

  declare api: Api;
  declare me: Me;
  declare starting: boolean;
  declare mine: MyAssignment[];
  declare rounds: RoundSummary[];
  declare page: number;
  declare total: number;
  declare notice?: string;
  private readonly size = 20;

  static styles = css`
    table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; }
    th, td { text-align: left; padding: 0.3rem 0.6rem; border-bottom: 1px solid #d9e2ec; }
    :focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
  `;

  constructor() {
    super();
    this.starting = false;
    this.mine = [];
    this.rounds = [];
    this.page = 0;
    this.total = 0;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  private async load() {
    try {
      const [mine, rounds] = await Promise.all([this.api.rounds.listMyAssignments(),
        this.api.rounds.listRounds({ page: this.page, size: this.size })]);
      this.mine = mine.filter(a => a.status === 'open');
      this.rounds = rounds.items ?? [];
      this.total = rounds.total ?? 0;
    } catch (error) {
      this.notice = (await refusalOf(error)).message;
    }
  }

  private go(page: number) {
    this.page = page;
    this.load();
  }

  override render() {
    return html`
      ${this.notice ? html`<p role="alert">${this.notice}</p>` : nothing}
      <h2>Your transcripts to code</h2>
      ${this.mine.length === 0 ? html`<p>No open round has a transcript for you.</p>` : html`<table>
        <thead><tr><th>Round</th><th>Transcript</th><th>Site</th><th>Your codings</th><th>Done</th></tr></thead>
        <tbody>${this.mine.map(a => html`<tr data-testid="my-assignment">
          <td>${a.roundName}${a.independent ? ' (blind)' : ''}</td>
          <td><a href="#/rounds/${a.roundId}/transcripts/${encodeURIComponent(a.transcriptId ?? '')}">${a.externalId ?? a.transcriptId}</a></td>
          <td>${a.site}</td><td>${a.codings}</td><td>${a.doneAt ? `done ${a.doneAt.toLocaleString()}` : 'not yet'}</td></tr>`)}
        </tbody></table>`}
      <h2>Rounds</h2>
      ${isAnalyst(this.me) ? (this.starting ? html`<round-form .api=${this.api}></round-form>`
        : html`<button @click=${() => (this.starting = true)}>Start a round…</button>`) : nothing}
      <table>
        <thead><tr><th>Round</th><th>Status</th><th>Started by</th><th>Started</th><th>Closed</th></tr></thead>
        <tbody>${this.rounds.map(r => html`<tr>
          <td><a href="#/rounds/${r.id}">${r.name}</a>${r.independent ? ' (blind)' : ''}</td><td>${r.status}</td><td>${r.createdBy}</td>
          <td>${r.createdAt?.toLocaleDateString()}</td><td>${r.closedAt?.toLocaleDateString() ?? ''}</td></tr>`)}
        </tbody>
      </table>
      <page-nav .page=${this.page} .size=${this.size} .total=${this.total} noun="rounds" @go=${(e: CustomEvent<number>) => this.go(e.detail)}></page-nav>
    `;
  }
}

customElements.define('round-list', RoundList);
