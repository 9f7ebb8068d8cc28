import { LitElement, html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { isAdmin, type Api, type Me } from '../api';
import { refusalOf, type Refusal } from '../problem';
import { screenStyles } from '../styles';
import './consortium-roles';
import './member-list';
import './partner-list';
import './site-details';

/** Who may act where: a site's details, members and partner systems, for consortium admins (every site) and site leads (their own). */
export class AccessScreen extends LitElement {
  static properties = { api: { attribute: false }, me: { attribute: false }, site: {}, sites: { state: true }, refusal: { state: true } };

  declare api: Api;
  declare me: Me;
  declare site: string;
  declare sites: string[];
  declare refusal?: Refusal;

  static styles = screenStyles;

  constructor() {
    super();
    this.sites = [];
  }

  override async connectedCallback() {
    super.connectedCallback();
    try {
      this.sites = isAdmin(this.me) ? (await this.api.sites.listSites()).map(s => s.code ?? '')
        : Object.entries(this.me.siteRoles ?? {}).filter(([, roles]) => [...roles].includes('site-lead')).map(([site]) => site).sort();
      if (!this.site && this.sites.length) {
        window.location.hash = `#/access/${encodeURIComponent(this.sites[0])}`;
      }
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  override render() {
    const admin = isAdmin(this.me);
    return html`
      <h2>Site access${this.site ? ` at ${this.site}` : ''}</h2>
      <label>Site <select @change=${(e: Event) => (window.location.hash = `#/access/${encodeURIComponent((e.target as HTMLSelectElement).value)}`)}>
        ${this.sites.map(code => html`<option ?selected=${code === this.site}>${code}</option>`)}</select></label>
      ${this.refusal ? html`<p class="refusal" role="alert">${this.refusal.message}</p>` : ''}
      ${this.site ? keyed(this.site, html`
        <site-details .api=${this.api} site=${this.site} ?admin=${admin}></site-details>
        <member-list .api=${this.api} site=${this.site}></member-list>
        <partner-list .api=${this.api} site=${this.site}></partner-list>`) : ''}
      ${admin ? html`<consortium-roles .api=${this.api}></consortium-roles>` : ''}`;
  }
}

customElements.define('access-screen', AccessScreen);
