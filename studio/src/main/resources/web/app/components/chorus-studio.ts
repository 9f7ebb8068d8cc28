import { LitElement, css, html } from 'lit';
import { Api, type Me } from '../api';
import { Session } from '../session';
import { loadSettings } from '../settings';
import './transcript-list';
import './transcript-reader';

/** The shell: signs in, shows who is signed in with their roles per site, and routes between the screens by the URL's hash. */
export class ChorusStudio extends LitElement {
  static properties = {
    me: { state: true },
    route: { state: true },
    failure: { state: true },
  };

  declare me?: Me;
  declare route: string;
  declare failure?: string;
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
  `;

  constructor() {
    super();
    this.route = window.location.hash || '#/transcripts';
  }

  override async connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', () => (this.route = window.location.hash || '#/transcripts'));
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
    const transcript = /^#\/transcripts\/(.+)$/.exec(this.route);
    return html`
      <header>
        <h1>Chorus Studio</h1>
        <nav aria-label="Screens"><a href="#/transcripts">Transcripts</a></nav>
        <span class="who" data-testid="who">${this.me.username} — ${this.roles()}</span>
        <button @click=${() => this.session?.signOut()}>Sign out</button>
      </header>
      <main>
        ${transcript
          ? html`<transcript-reader .api=${this.api} .me=${this.me} transcript-id=${decodeURIComponent(transcript[1])}></transcript-reader>`
          : html`<transcript-list .api=${this.api}></transcript-list>`}
      </main>
    `;
  }
}

customElements.define('chorus-studio', ChorusStudio);
