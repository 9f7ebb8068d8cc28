import { html } from 'lit';
import { rolesAt, type Api, type Me } from '../api';
import type { DataRequestView, Participant, ParticipantDataGenderEnum } from '../clients/transcript/src';
import { saveWithProgress } from '../download';
import { refusalOf } from '../problem';
import './confirm-button';
import { PagedList } from './paged-list';

/** How often a data request is asked about while it gathers. */
const POLL_MS = 1500;

/**
 * A site's pseudonymous participants: register or edit one's questionnaire, withdraw consent (after a confirmation that says
 * what is erased), and, for the site lead, ask for everything held on one and download it once gathered.
 */
export class ParticipantList extends PagedList<Participant> {
  static properties = { api: { attribute: false }, me: { attribute: false }, site: {}, requests: { state: true } };

  declare api: Api;
  declare me: Me;
  declare site: string;
  /** Data requests made in this screen, by participant number. */
  declare requests: Map<string, DataRequestView>;

  constructor() {
    super();
    this.requests = new Map();
  }

  protected fetchPage(page: number, size: number) {
    return this.api.participants.listParticipants({ site: this.site, page, size });
  }

  /** One participant by number, however many pages the site has. */
  private async find(event: Event) {
    event.preventDefault();
    const number = String(new FormData(event.target as HTMLFormElement).get('find') ?? '').trim();
    if (!number) {
      this.load();
      return;
    }
    try {
      this.items = [await this.api.participants.getParticipant({ site: this.site, number })];
      this.total = 1;
      this.refusal = undefined;
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  private save(event: Event) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => ((data.get(name) as string | null) ?? '').trim();
    const number = (name: string) => (text(name) === '' ? undefined : Number(text(name)));
    const participant = text('number');
    const peer = text('previousPeerSupportExperience');
    return this.act(async () => {
      await this.api.participants.putParticipant({ site: this.site, number: participant, participantData: {
        gender: (text('gender') || undefined) as ParticipantDataGenderEnum | undefined, age: number('age'), role: text('role') || undefined,
        professionalBackground: text('professionalBackground') || undefined, yearsOfExperience: number('yearsOfExperience'),
        previousPeerSupportExperience: peer === '' ? undefined : peer === 'yes' } });
      return `${participant} is recorded at ${this.site}.`;
    });
  }

  private withdraw(number: string) {
    return this.act(async () => {
      const result = await this.api.participants.withdrawParticipant({ site: this.site, number, idempotencyKey: crypto.randomUUID() });
      return `Consent of ${number} withdrawn: ${result.paragraphsRedacted} paragraphs redacted in ${result.transcriptsRedacted} transcripts;`
        + ' coding and reporting purge what they derived.';
    });
  }

  private async requestData(number: string) {
    try {
      let request = await this.api.participants.requestParticipantData({ site: this.site, number, idempotencyKey: crypto.randomUUID() });
      this.requests = new Map(this.requests).set(number, request);
      while (request.status !== 'ready' && this.isConnected) {
        await new Promise(resolve => setTimeout(resolve, POLL_MS));
        request = await this.api.participants.getParticipantDataRequest({ site: this.site, number, id: request.id ?? '' });
        this.requests = new Map(this.requests).set(number, request);
      }
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  private async downloadData(number: string, request: DataRequestView) {
    try {
      const answer = await this.api.participants.downloadParticipantDataRaw({ site: this.site, number, id: request.id ?? '' });
      await saveWithProgress(answer.raw, `${this.site}-${number}-data.zip`, () => undefined);
      this.notice = `The data of ${number} was downloaded; the download is recorded.`;
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  private renderRequest(number: string) {
    const request = this.requests.get(number);
    if (!request) {
      return html`<button @click=${() => this.requestData(number)}>Ask for their data</button>`;
    }
    return request.status === 'ready'
      ? html`<button @click=${() => this.downloadData(number, request)}>Download their data (.zip)</button>`
      : html`<span role="status">Gathering their data…</span>`;
  }

  override render() {
    const roles = rolesAt(this.me, this.site);
    const staff = roles.has('site-researcher') || roles.has('site-lead');
    return html`
      <h3>Participants</h3>
      ${this.messages()}
      <form class="filters" role="search" @submit=${this.find}>
        <label>Find participant <input name="find" size="8" placeholder="P9"></label><button type="submit">Find</button>
        <span>(empty: all)</span></form>
      <table data-testid="participants">
        <thead><tr><th>Number</th><th>Gender</th><th>Age</th><th>Role</th><th>Years</th><th>Peer support before</th><th>Consent</th>
          <th>Actions</th></tr></thead>
        <tbody>${this.items.map(p => html`<tr data-number=${p.number ?? ''}><td>${p.number}</td><td>${p.gender ?? ''}</td>
          <td>${p.age ?? ''}</td><td>${p.role ?? ''}</td><td>${p.yearsOfExperience ?? ''}</td>
          <td>${p.previousPeerSupportExperience === undefined || p.previousPeerSupportExperience === null ? '' : p.previousPeerSupportExperience ? 'yes' : 'no'}</td>
          <td>${p.withdrawnAt ? `withdrawn ${p.withdrawnAt.toLocaleDateString()}` : 'given'}</td>
          <td class="actions">${!p.withdrawnAt && staff ? html`<confirm-button label="Withdraw consent"
              question="Withdraw the consent of ${p.number}? Every turn of ${p.number} in every transcript of ${this.site}, released ones
                included, is replaced by [withdrawn] in the original and the English, the questionnaire is dropped, codings and report
                figures derived from those turns are purged, and any data request is deleted. This cannot be undone."
              @confirmed=${() => this.withdraw(p.number ?? '')}></confirm-button>` : ''}
            ${!p.withdrawnAt && roles.has('site-lead') ? this.renderRequest(p.number ?? '') : ''}</td></tr>`)}</tbody>
      </table>
      ${this.pageNav('participants')}
      ${staff ? html`<h4>Register or edit a participant</h4>
      <form class="filters" @submit=${this.save}>
        <label>Number <input name="number" required size="6" placeholder="P9"></label>
        <label>Gender <select name="gender"><option value="">—</option>
          ${['female', 'male', 'diverse', 'not-stated'].map(g => html`<option>${g}</option>`)}</select></label>
        <label>Age <input name="age" type="number" min="16" max="110" size="4"></label>
        <label>Role <input name="role" size="8" placeholder="PSW"></label>
        <label>Professional background <input name="professionalBackground"></label>
        <label>Years of experience <input name="yearsOfExperience" type="number" min="0" max="70" size="4"></label>
        <label>Peer support before <select name="previousPeerSupportExperience"><option value="">—</option><option>yes</option>
          <option>no</option></select></label>
        <button type="submit">Save</button>
      </form>` : ''}`;
  }
}

customElements.define('participant-list', ParticipantList);
