import { html } from 'lit';
import type { DeadLetter, DeadLetterReplay, PageDeadLetter } from '../clients/reporting/src';
import './confirm-button';
import { PagedList } from './paged-list';

/** One service's dead-letter administration, as coding-service and reporting-service both offer it. */
export interface DeadLetterAdmin {
  listDeadLetters(request: { all?: boolean; page?: number; size?: number }): Promise<PageDeadLetter>;
  replayDeadLetter(request: { eventId: string; idempotencyKey?: string }): Promise<unknown>;
  replayDeadLetters(request: { idempotencyKey?: string }): Promise<DeadLetterReplay>;
  dismissDeadLetter(request: { eventId: string }): Promise<unknown>;
}

/** The events a service could not apply, with their reasons: replay one or all after a fix, dismiss one that can never apply. */
export class DeadLetters extends PagedList<DeadLetter> {
  static properties = { admin: { attribute: false }, service: {}, all: { state: true } };

  declare admin: DeadLetterAdmin;
  declare service: string;
  declare all: boolean;
  protected override readonly size = 20;

  constructor() {
    super();
    this.all = false;
  }

  protected fetchPage(page: number, size: number) {
    return this.admin.listDeadLetters({ all: this.all, page, size });
  }

  override render() {
    return html`
      <h3>Dead letters of ${this.service} (${this.total})</h3>
      <div class="actions">
        <button ?disabled=${this.total === 0} @click=${() => this.act(async () => {
          const result = await this.admin.replayDeadLetters({ idempotencyKey: crypto.randomUUID() });
          return `${result.replayed ?? 0} applied, ${result.stillFailing ?? 0} still failing.`;
        })}>Replay all</button>
        <label><input type="checkbox" .checked=${this.all} @change=${(e: Event) => { this.all = (e.target as HTMLInputElement).checked; this.load(); }}>
          Show dismissed and replayed ones too</label>
      </div>
      ${this.messages()}
      <table>
        <thead><tr><th>Consumer</th><th>Event</th><th>Key</th><th>Reason</th><th>Dead since</th><th>Actions</th></tr></thead>
        <tbody>${this.items.map(l => html`<tr><td>${l.consumer}</td><td>${l.type}<br><small>${l.eventId}</small></td><td>${l.key}</td>
          <td>${l.reason}</td><td>${l.deadAt?.toLocaleString()}${l.replayedAt ? html`<br>replayed ${l.replayedAt.toLocaleString()}` : ''}</td>
          <td class="actions"><button @click=${() => this.act(async () => {
            await this.admin.replayDeadLetter({ eventId: l.eventId ?? '', idempotencyKey: crypto.randomUUID() });
            return `${l.eventId} replayed.`;
          })}>Replay</button>
          <confirm-button label="Dismiss" question="Dismiss ${l.type} ${l.eventId} for good?"
            @confirmed=${() => this.act(async () => { await this.admin.dismissDeadLetter({ eventId: l.eventId ?? '' }); return `${l.eventId} dismissed.`; })}>
          </confirm-button></td></tr>`)}</tbody>
      </table>
      ${this.items.length === 0 ? html`<p>None waiting.</p>` : ''}
      ${this.pageNav('dead letters')}`;
  }
}

customElements.define('dead-letters', DeadLetters);
