import { LitElement, css, html } from 'lit';
import type { Api } from '../api';
import type { Credentials, Partner } from '../clients/identity/src';
import { refusalOf, type Refusal } from '../problem';
import { screenStyles } from '../styles';
import './confirm-button';

/** A site's partner systems: register one, rotate its secret (shown once, with a copy button), revoke it. */
export class PartnerList extends LitElement {
  static properties = {
    api: { attribute: false },
    site: {},
    partners: { state: true },
    credentials: { state: true },
    copied: { state: true },
    refusal: { state: true },
  };

  declare api: Api;
  declare site: string;
  declare partners: Partner[];
  declare credentials?: Credentials;
  declare copied?: string;
  declare refusal?: Refusal;

  static styles = [screenStyles, css`
    .secret { border: 2px solid #b44d12; background: #fffaf0; padding: 0.5rem 1rem; margin: 0.5rem 0; }
    code { font-size: 1rem; user-select: all; }
  `];

  constructor() {
    super();
    this.partners = [];
  }

  override connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  private async load() {
    try {
      this.partners = await this.api.partners.listPartners({ site: this.site });
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  /** A call whose answer is credentials with a secret: shown once, here. */
  private async withSecret(call: () => Promise<Credentials>) {
    try {
      this.credentials = await call();
      this.copied = undefined;
      this.refusal = undefined;
      await this.load();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.secret')?.focus();
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  private register(event: Event) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const name = String(new FormData(form).get('name') ?? '').trim();
    return this.withSecret(() => this.api.partners.registerPartner({ site: this.site, newPartner: { name }, idempotencyKey: crypto.randomUUID() }));
  }

  private async revoke(clientId: string) {
    try {
      await this.api.partners.revokePartner({ site: this.site, clientId });
      this.refusal = undefined;
      await this.load();
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  private async copy() {
    try {
      await navigator.clipboard.writeText(this.credentials?.secret ?? '');
      this.copied = 'Copied.';
    } catch {
      this.copied = 'This browser did not let Studio copy: select the secret and copy it yourself.';
    }
  }

  override render() {
    return html`
      <h3>Partner systems</h3>
      ${this.refusal ? html`<p class="refusal" role="alert">${this.refusal.message}</p>` : ''}
      ${this.credentials ? html`<section class="secret" tabindex="-1" aria-labelledby="secret-heading" data-testid="credentials">
        <h4 id="secret-heading">Secret of ${this.credentials.clientId}</h4>
        <p><strong>Copy it now: it is shown this once and cannot be shown again.</strong> Whoever holds it pushes data as ${this.site}.</p>
        <p>Secret: <code data-testid="secret">${this.credentials.secret}</code>
          <button @click=${this.copy}>Copy the secret</button> ${this.copied ? html`<span role="status">${this.copied}</span>` : ''}</p>
        <p>Token URL: <code>${this.credentials.tokenUrl}</code></p>
        <button @click=${() => (this.credentials = undefined)}>I have stored it; hide the secret</button>
      </section>` : ''}
      <table data-testid="partners">
        <thead><tr><th>Client id</th><th>Name</th><th>State</th><th>Actions</th></tr></thead>
        <tbody>${this.partners.map(p => html`<tr data-client-id=${p.clientId ?? ''}><td>${p.clientId}</td><td>${p.name}</td>
          <td>${p.enabled ? 'active' : 'revoked'}</td>
          <td class="actions">${p.enabled ? html`
            <confirm-button label="Rotate secret" question="The current secret of ${p.clientId} stops working now. Rotate?"
              @confirmed=${() => this.withSecret(() => this.api.partners.rotatePartnerSecret({ site: this.site, clientId: p.clientId ?? '',
                idempotencyKey: crypto.randomUUID() }))}></confirm-button>
            <confirm-button label="Revoke" question="${p.clientId} will obtain no more tokens. Revoke?"
              @confirmed=${() => this.revoke(p.clientId ?? '')}></confirm-button>` : ''}</td></tr>`)}</tbody>
      </table>
      <form class="filters" @submit=${this.register}>
        <label>Name of the partner system <input name="name" required size="30" maxlength="30" pattern="[a-z0-9][a-z0-9\\-]*"
          aria-describedby="partner-name-rule" aria-invalid=${this.refusal?.pointer === '/name' ? 'true' : 'false'}></label>
        <span id="partner-name-rule">lowercase letters, digits and hyphens, such as <code>bu-redcap</code></span>
        <button type="submit">Register a partner system</button>
      </form>`;
  }
}

customElements.define('partner-list', PartnerList);
