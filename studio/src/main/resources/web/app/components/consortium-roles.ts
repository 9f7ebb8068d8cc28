import { LitElement, html } from 'lit';
import type { Api } from '../api';
import { GrantConsortiumRoleRoleEnum } from '../clients/identity/src';
import { refusalOf, type Refusal } from '../problem';
import { screenStyles } from '../styles';

/** Consortium-wide roles (analyst, translator, consortium-admin), which hold at every site: granted and revoked by admins only. */
export class ConsortiumRoles extends LitElement {
  static properties = { api: { attribute: false }, refusal: { state: true }, notice: { state: true } };

  declare api: Api;
  declare refusal?: Refusal;
  declare notice?: string;

  static styles = screenStyles;

  private async change(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const username = String(data.get('username') ?? '').trim();
    const role = data.get('role') as GrantConsortiumRoleRoleEnum;
    const grant = (event.submitter as HTMLButtonElement | null)?.value !== 'revoke';
    try {
      await (grant ? this.api.consortiumRoles.grantConsortiumRole({ username, role })
        : this.api.consortiumRoles.revokeConsortiumRole({ username, role }));
      this.notice = grant ? `${username} is ${role} at every site.` : `${username} is no longer ${role}.`;
      this.refusal = undefined;
    } catch (error) {
      this.refusal = await refusalOf(error);
      this.notice = undefined;
    }
  }

  override render() {
    return html`
      <h3>Consortium-wide roles</h3>
      <form class="filters" @submit=${this.change}>
        <label>Username <input name="username" required></label>
        <label>Role <select name="role">${Object.values(GrantConsortiumRoleRoleEnum).map(r => html`<option>${r}</option>`)}</select></label>
        <button type="submit" value="grant">Grant</button><button type="submit" value="revoke">Revoke</button>
      </form>
      ${this.notice ? html`<p class="done" role="status">${this.notice}</p>` : ''}
      ${this.refusal ? html`<p class="refusal" role="alert">${this.refusal.message}</p>` : ''}`;
  }
}

customElements.define('consortium-roles', ConsortiumRoles);
