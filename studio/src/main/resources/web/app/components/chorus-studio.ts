import { LitElement, css, html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { Api, isAdmin, isAnalyst, isSiteStaff, managesAccess, mayCode, type Me } from '../api';
import { RETRY_NOTICE } from '../retry';
import { Session } from '../session';
import { loadSettings } from '../settings';
import './access-screen';
import './assistant-screen';
import './audit-screen';
import './consensus-editor';
import './exchange-screen';
import './intake-screen';
import './operations-screen';
import './participant-list';
import './push-form';
import './quotes-screen';
import './reports-screen';
import './round-list';
import './round-screen';
import './search-screen';
import './session-list';
import './site-transcript';
import './transcript-list';
import './transcript-reader';
import './translation-editor';

/** The shell: signs in, shows who is signed in with their roles per site, and routes between the screens by the URL's hash. */
export class ChorusStudio extends LitElement {
  static properties = {
    me: { state: true },
    route: { state: true },
    failure: { state: true },
    waiting: { state: true },
  };

  declare me?: Me;
  declare route: string;
  declare failure?: string;
  /** Seconds a busy service asked Studio to wait before it tries again. */
  declare waiting?: number;
  private api?: Api;
  private session?: Session;

  static styles = css`
    :host { display: block; font-family: system-ui, sans-serif; color: #1d2430; }
    header { display: flex; gap: 1rem; align-items: center; padding: 0.5rem 1rem; background: #243b53; color: #fff; }
    header h1 { font-size: 1.1rem; margin: 0; }
    header a { color: #fff; }
    header button { color: #fff; background: transparent; border: 1px solid #fff; border-radius: 3px; padding: 0.2rem 0.6rem; }
    nav { flex: 1; display: flex; gap: 1rem; }
    .who { font-size: 0.9rem; }
    button { font: inherit; }
    main { padding: 1rem; }
    :focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
    .failure { color: #a61b1b; }
    .waiting { background: #fff3c4; padding: 0.4rem 1rem; margin: 0; }
  `;

  constructor() {
    super();
    this.route = window.location.hash || '#/transcripts';
  }

  override async connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', () => (this.route = window.location.hash || '#/transcripts'));
    window.addEventListener(RETRY_NOTICE, event => (this.waiting = (event as CustomEvent<number | undefined>).detail));
    try {
      const settings = await loadSettings();
      this.session = await Session.start(settings);
      // the sign-in's answer came back in the URL; the route is read once keycloak-js has taken it out
      this.route = window.location.hash || '#/transcripts';
      this.api = new Api(settings, this.session);
      this.me = await this.api.identity.getMe();
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error);
    }
  }

  private roles(): string {
    if (!this.me) {
      return '';
    }
    const consortium = [...(this.me.consortiumRoles ?? [])];
    const sites = Object.entries(this.me.siteRoles ?? {}).map(([site, roles]) => `${[...roles].join(', ')} at ${site}`);
    return [...consortium, ...sites].join('; ');
  }

  override render() {
    if (this.failure) {
      return html`<main><p class="failure" role="alert">${this.failure}</p></main>`;
    }
    if (!this.me || !this.api) {
      return html`<main><p aria-live="polite">Signing in…</p></main>`;
    }
    return html`
      <header>
        <h1>Chorus Studio</h1>
        <nav aria-label="Screens">${isSiteStaff(this.me) ? html`<a href="#/intake">Intake</a>` : ''}
          ${mayCode(this.me) ? html`<a href="#/transcripts">Transcripts</a><a href="#/search">Search</a>
          <a href="#/rounds">Rounds</a><a href="#/exchange">Desktop tools</a>` : ''}
          ${isAnalyst(this.me) ? html`<a href="#/assistant">Assistant</a>` : ''}
          ${managesAccess(this.me) ? html`<a href="#/access">Access</a>` : ''}<a href="#/reports">Reports</a><a href="#/quotes">Quotes</a>
          ${isAdmin(this.me) ? html`<a href="#/audit">Audit</a><a href="#/operations">Operations</a>` : ''}</nav>
        <span class="who" data-testid="who">${this.me.username} — ${this.roles()}</span>
        <button @click=${() => this.session?.signOut()}>Sign out</button>
      </header>
      ${this.waiting ? html`<p class="waiting" role="status">A service is busy: Studio tries again in ${this.waiting} s.</p>` : ''}
      <main>${this.screen(this.api, this.me)}</main>
    `;
  }

  /** The screen the URL's hash names; each keeps its own state and is made anew when the hash changes. */
  private screen(api: Api, me: Me) {
    const [path, query] = this.route.slice(1).split('?');
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] === 'access' && managesAccess(me)) {
      return keyed(path, html`<access-screen .api=${api} .me=${me} site=${parts[1] ?? ''}></access-screen>`);
    }
    if (parts[0] === 'exchange' && mayCode(me)) {
      return html`<exchange-screen .api=${api} .me=${me}></exchange-screen>`;
    }
    if (parts[0] === 'quotes') {
      return html`<quotes-screen .api=${api}></quotes-screen>`;
    }
    if (parts[0] === 'assistant' && isAnalyst(me)) {
      return html`<assistant-screen .api=${api}></assistant-screen>`;
    }
    if (parts[0] === 'reports') {
      return html`<reports-screen .api=${api}></reports-screen>`;
    }
    if (parts[0] === 'operations' && isAdmin(me)) {
      return html`<operations-screen .api=${api}></operations-screen>`;
    }
    if (parts[0] === 'audit' && isAdmin(me)) {
      return html`<audit-screen .api=${api}></audit-screen>`;
    }
    if (isSiteStaff(me) && (parts[0] === 'intake' || !mayCode(me))) {
      return this.intakeScreen(api, me, path, parts[0] === 'intake' ? parts : []);
    }
    if (!mayCode(me)) {
      return html`<p role="status">Your roles (${this.roles() || 'none'}) have no screen in Studio yet.</p>`;
    }
    const paragraph = Number(new URLSearchParams(query ?? '').get('paragraph')) || undefined;
    if (parts[0] === 'transcripts' && parts[1]) {
      return keyed(path, html`<transcript-reader .api=${api} .me=${me} transcript-id=${parts[1]} .focusAt=${paragraph ?? 1}
        .anchor=${paragraph ?? 1}></transcript-reader>`);
    }
    if (parts[0] === 'rounds' && parts[1] && parts[2] === 'transcripts' && parts[3]) {
      return keyed(path, html`<transcript-reader .api=${api} .me=${me} round-id=${parts[1]} transcript-id=${parts[3]}></transcript-reader>`);
    }
    if (parts[0] === 'rounds' && parts[1] && parts[2] === 'consensus' && parts[3]) {
      return keyed(path, html`<consensus-editor .api=${api} round-id=${parts[1]} transcript-id=${parts[3]}
        .paragraph=${paragraph}></consensus-editor>`);
    }
    if (parts[0] === 'rounds' && parts[1]) {
      return keyed(path, html`<round-screen .api=${api} .me=${me} round-id=${parts[1]}></round-screen>`);
    }
    if (parts[0] === 'search') {
      return html`<search-screen .api=${api}></search-screen>`;
    }
    if (parts[0] === 'rounds') {
      return html`<round-list .api=${api} .me=${me}></round-list>`;
    }
    return html`<transcript-list .api=${api}></transcript-list>`;
  }

  /** #/intake/{site}, …/push, …/transcripts/{id} and …/transcripts/{id}/translate: the work on a site's transcripts before release. */
  private intakeScreen(api: Api, me: Me, path: string, parts: string[]) {
    const [, site, kind, id, action] = parts;
    if (site && kind === 'participants') {
      return keyed(path, html`<h2>Participants at ${site}</h2><p><a href="#/intake/${encodeURIComponent(site)}">Back to the intake</a></p>
        <participant-list .api=${api} .me=${me} site=${site}></participant-list>`);
    }
    if (site && kind === 'sessions') {
      return keyed(path, html`<h2>Sessions at ${site}</h2><p><a href="#/intake/${encodeURIComponent(site)}">Back to the intake</a></p>
        <session-list .api=${api} site=${site}></session-list>`);
    }
    if (site && kind === 'push') {
      return keyed(path, html`<push-form .api=${api} site=${site}></push-form>`);
    }
    if (site && kind === 'transcripts' && id && action === 'translate') {
      return keyed(path, html`<translation-editor .api=${api} site=${site} transcript-id=${id}></translation-editor>`);
    }
    if (site && kind === 'transcripts' && id) {
      return keyed(path, html`<site-transcript .api=${api} .me=${me} site=${site} transcript-id=${id}></site-transcript>`);
    }
    return keyed(path, html`<intake-screen .api=${api} .me=${me} site=${site ?? ''}></intake-screen>`);
  }
}

customElements.define('chorus-studio', ChorusStudio);
