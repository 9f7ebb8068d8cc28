import { LitElement, html } from 'lit';
import type { Api } from '../api';
import { IncomeBandBandEnum, type IncomeBand, type Site } from '../clients/identity/src';
import { refusalOf, type Refusal } from '../problem';
import { screenStyles } from '../styles';

/**
 * A site's particulars and its income band history; an admin records a band change that takes effect from a date. The
 * change is sent with the ETag of the site as read, so that two admins never overwrite each other (412 says reload).
 */
export class SiteDetails extends LitElement {
  static properties = {
    api: { attribute: false },
    site: {},
    admin: { type: Boolean },
    details: { state: true },
    refusal: { state: true },
    notice: { state: true },
  };

  declare api: Api;
  declare site: string;
  declare admin: boolean;
  declare details?: Site;
  declare refusal?: Refusal;
  declare notice?: string;
  private etag?: string;

  static styles = screenStyles;

  override connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  private async load() {
    try {
      const answer = await this.api.sites.getSiteRaw({ code: this.site });
      this.etag = answer.raw.headers.get('ETag') ?? undefined;
      this.details = await answer.value();
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  private async changeBand(event: Event) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const band = data.get('band') as IncomeBandBandEnum;
    const from = new Date(String(data.get('from')));
    const site = this.details!;
    const incomeLevels: IncomeBand[] = [...(site.incomeLevels ?? []), { band, from }];
    try {
      await this.api.sites.registerSite({ code: this.site, ifMatch: this.etag, siteData: { name: site.name ?? '', country: site.country ?? '',
        languages: site.languages ?? [], priorPeerSupportExperience: site.priorPeerSupportExperience ?? false, incomeLevels } });
      this.notice = `${this.site} is ${band} from ${from.toISOString().slice(0, 10)}.`;
      this.refusal = undefined;
      await this.load();
    } catch (error) {
      this.refusal = await refusalOf(error);
      this.notice = undefined;
    }
  }

  override render() {
    const s = this.details;
    if (!s) {
      return this.refusal ? html`<p class="refusal" role="alert">${this.refusal.message}</p>` : html`<p role="status">Loading…</p>`;
    }
    return html`
      <h3>${s.name} (${s.code}, ${s.country})</h3>
      <p>Languages: ${(s.languages ?? []).join(', ')} · prior peer-support experience: ${s.priorPeerSupportExperience ? 'yes' : 'no'}
        · version ${s.version}</p>
      <table data-testid="income-history"><caption>Income band (World Bank), by the date it took effect</caption>
        <thead><tr><th>From</th><th>Band</th></tr></thead>
        <tbody>${(s.incomeLevels ?? []).map(b => html`<tr><td>${b.from?.toISOString().slice(0, 10)}</td><td>${b.band}</td></tr>`)}</tbody>
      </table>
      ${this.notice ? html`<p class="done" role="status">${this.notice}</p>` : ''}
      ${this.refusal ? html`<p class="refusal" role="alert">${this.refusal.message}</p>` : ''}
      ${this.admin ? html`<form class="filters" @submit=${this.changeBand}>
        <label>New band <select name="band">${Object.values(IncomeBandBandEnum).map(b => html`<option>${b}</option>`)}</select></label>
        <label>From <input name="from" type="date" required></label>
        <button type="submit">Record the band change</button></form>` : ''}`;
  }
}

customElements.define('site-details', SiteDetails);
