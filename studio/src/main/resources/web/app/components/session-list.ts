import { html } from 'lit';
import type { Api } from '../api';
import type { Session, SessionDataKindEnum } from '../clients/transcript/src';
import { PagedList } from './paged-list';

/** A site's sessions (focus groups and interviews): listed, and recorded or corrected with their particulars and field notes. */
export class SessionList extends PagedList<Session> {
  static properties = { api: { attribute: false }, site: {} };

  declare api: Api;
  declare site: string;

  protected fetchPage(page: number, size: number) {
    return this.api.sessions.listSessions({ site: this.site, page, size });
  }

  private save(event: Event) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => ((data.get(name) as string | null) ?? '').trim();
    const externalId = text('externalId');
    return this.act(async () => {
      await this.api.sessions.putSession({ site: this.site, externalId, sessionData: { study: text('study'), phase: text('phase'),
        kind: text('kind') as SessionDataKindEnum, date: new Date(text('date')), language: text('language'),
        durationMinutes: text('durationMinutes') ? Number(text('durationMinutes')) : undefined, venue: text('venue') || undefined,
        moderator: text('moderator') || undefined, participantGroup: text('participantGroup') || undefined,
        participants: text('participants') ? text('participants').split(/[\s,]+/).filter(Boolean) : undefined,
        fieldNotes: text('fieldNotes') || undefined } });
      return `Session ${externalId} is recorded at ${this.site}.`;
    });
  }

  private invalid(pointer: string): 'true' | 'false' {
    return this.refusal?.pointer === pointer ? 'true' : 'false';
  }

  override render() {
    return html`
      <h3>Sessions</h3>
      ${this.messages()}
      <table data-testid="sessions">
        <thead><tr><th>Session</th><th>Study</th><th>Phase</th><th>Kind</th><th>Date</th><th>Language</th><th>Participants</th></tr></thead>
        <tbody>${this.items.map(s => html`<tr><td>${s.externalId}</td><td>${s.study}</td><td>${s.phase}</td><td>${s.kind}</td>
          <td>${s.date?.toISOString().slice(0, 10)}</td><td>${s.language}</td><td>${(s.participants ?? []).join(', ')}</td></tr>`)}</tbody>
      </table>
      ${this.pageNav('sessions')}
      <h4>Record or correct a session</h4>
      <form class="filters" @submit=${this.save} aria-describedby="list-refusal">
        <label>Session id <input name="externalId" required></label>
        <label>Study <input name="study" required size="10" aria-invalid=${this.invalid('/study')}></label>
        <label>Phase <input name="phase" required size="16" aria-invalid=${this.invalid('/phase')}></label>
        <label>Kind <select name="kind"><option>focus-group</option><option>interview</option></select></label>
        <label>Date <input name="date" type="date" required aria-invalid=${this.invalid('/date')}></label>
        <label>Language <input name="language" required size="5" aria-invalid=${this.invalid('/language')}></label>
        <label>Minutes <input name="durationMinutes" type="number" min="1" max="600" size="4"></label>
        <label>Venue <input name="venue"></label>
        <label>Moderator <input name="moderator" size="6"></label>
        <label>Group <input name="participantGroup" size="8"></label>
        <label>Participants <input name="participants" placeholder="P1, P2" aria-invalid=${this.invalid('/participants')}></label>
        <label>Field notes <textarea name="fieldNotes" rows="2" cols="40"></textarea></label>
        <button type="submit">Save the session</button>
      </form>`;
  }
}

customElements.define('session-list', SessionList);
