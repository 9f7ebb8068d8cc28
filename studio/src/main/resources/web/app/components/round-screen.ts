import { LitElement, css, html, nothing } from 'lit';
import { isAnalyst, type Api, type CodeView, type Me, type RoundView } from '../api';
import { refusalOf } from '../problem';
import './agreement-view';

/** One round: its transcripts with each coder's done mark, closing it (analysts), and once closed its agreement and consensus. */
export class RoundScreen extends LitElement {
  static properties = {
    api: { attribute: false },
    me: { attribute: false },
    roundId: { attribute: 'round-id' },
    round: { state: true },
    codes: { state: true },
    notice: { state: true },
  };

  declare api: Api;
  declare me: Me;
  declare roundId: string;
  declare round?: RoundView;
  declare codes: CodeView[];
  declare notice?: string;
  private etag = '';

  static styles = css`
    table { border-collapse: collapse; margin-bottom: 1rem; }
    th, td { text-align: left; padding: 0.3rem 0.6rem; border-bottom: 1px solid #d9e2ec; }
    .notice { background: #fff3c4; padding: 0.4rem; }
    :focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
  `;

  constructor() {
    super();
    this.codes = [];
  }

  override connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  private async load() {
    try {
      const answer = await this.api.rounds.getRoundRaw({ id: this.roundId });
      const round = await answer.value();
      this.etag = answer.raw.headers.get('ETag') ?? '';
      const codebook = await this.api.codebooks.getCodebook({ id: round.codebookId! });
      const flat = (codes: CodeView[]): CodeView[] => codes.flatMap(c => [c, ...flat(c.children ?? [])]);
      this.codes = flat(codebook.codes ?? []);
      this.round = round;
    } catch (error) {
      this.notice = (await refusalOf(error)).message;
    }
  }

  private async close() {
    try {
      this.round = await this.api.rounds.closeRound({ id: this.roundId, ifMatch: this.etag, idempotencyKey: crypto.randomUUID() });
      this.notice = 'The round is closed: everyone\u2019s codings can now be compared.';
    } catch (error) {
      const refusal = await refusalOf(error);
      this.notice = refusal.status === 412 ? 'Someone changed the round meanwhile; it has been reloaded. Close it again if you still mean to.'
        : refusal.message;
      if (refusal.status === 412) {
        await this.load();
      }
    }
  }

  override render() {
    const round = this.round;
    if (!round) {
      return html`<p aria-live="polite">${this.notice ?? 'Opening the round…'}</p>`;
    }
    const open = round.status === 'open';
    return html`
      <h2>${round.name} <small>${open ? 'open' : 'closed'}${round.independent ? ', blind' : ''}</small></h2>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      <table>
        <thead><tr><th>Transcript</th><th>Coders</th><th>Done</th><th></th></tr></thead>
        <tbody>${(round.assignments ?? []).map(a => html`<tr data-testid="assignment-row">
          <td>${a.externalId ?? a.transcriptId}</td><td>${(a.coders ?? []).join(', ')}</td>
          <td>${(a.done ?? []).length} of ${(a.coders ?? []).length}${(a.done ?? []).length ? ` (${(a.done ?? []).join(', ')})` : ''}</td>
          <td>${(a.coders ?? []).includes(this.me.username ?? '') && open
            ? html`<a href="#/rounds/${round.id}/transcripts/${encodeURIComponent(a.transcriptId ?? '')}">Code it</a>` : nothing}
            ${!open ? html`<a href="#/rounds/${round.id}/consensus/${encodeURIComponent(a.transcriptId ?? '')}">Consensus</a>` : nothing}</td>
        </tr>`)}</tbody>
      </table>
      ${open && isAnalyst(this.me) ? html`<button @click=${() => this.close()}>Close the round</button>` : nothing}
      ${!open ? html`<agreement-view .api=${this.api} round-id=${round.id ?? ''} .codes=${this.codes}></agreement-view>` : nothing}
    `;
  }
}

customElements.define('round-screen', RoundScreen);
