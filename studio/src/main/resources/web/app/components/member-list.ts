import { LitElement, html } from 'lit';
import type { Api } from '../api';
import type { Member, NewMemberRoleEnum } from '../clients/identity/src';
import { refusalOf, type Refusal } from '../problem';
import { screenStyles } from '../styles';
import './confirm-button';

const ROLES: NewMemberRoleEnum[] = ['site-lead', 'site-researcher', 'translator'];

/** Who holds which role at a site; invite a person, change a member's role, revoke a member. The server decides who may. */
export class MemberList extends LitElement {
  static properties = {
    api: { attribute: false },
    site: {},
    members: { state: true },
    refusal: { state: true },
    notice: { state: true },
  };

  declare api: Api;
  declare site: string;
  declare members: Member[];
  declare refusal?: Refusal;
  declare notice?: string;
  /** The role chosen in each member's row, not yet sent. */
  private readonly chosen = new Map<string, NewMemberRoleEnum>();

  static styles = screenStyles;

  constructor() {
    super();
    this.members = [];
  }

  override connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  private async load() {
    try {
      this.members = await this.api.members.listMembers({ site: this.site });
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  private async act(done: string, call: () => Promise<unknown>) {
    try {
      await call();
      this.notice = done;
      this.refusal = undefined;
      await this.load();
    } catch (error) {
      this.refusal = await refusalOf(error);
      this.notice = undefined;
    }
  }

  private invite(event: Event) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => ((data.get(name) as string | null) ?? '').trim() || undefined;
    const username = text('username') ?? '';
    return this.act(`${username} is now ${data.get('role')} at ${this.site}.`, async () => {
      await this.api.members.addMember({ site: this.site, idempotencyKey: crypto.randomUUID(), newMember: { username,
        email: text('email'), firstName: text('firstName'), lastName: text('lastName'), role: data.get('role') as NewMemberRoleEnum } });
      form.reset();
    });
  }

  private changeRole(member: Member) {
    const username = member.username ?? '';
    const role = this.chosen.get(username) ?? ([...(member.roles ?? [])][0] as NewMemberRoleEnum);
    return this.act(`${username} is now ${role} at ${this.site}.`,
      () => this.api.members.changeMemberRoles({ site: this.site, username, roleChange: { role } }));
  }

  private invalid(pointer: string): 'true' | 'false' {
    return this.refusal?.pointer === pointer ? 'true' : 'false';
  }

  override render() {
    const people = this.members.filter(m => m.kind !== 'partner-system');
    return html`
      <h3>Members</h3>
      ${this.notice ? html`<p class="done" role="status">${this.notice}</p>` : ''}
      ${this.refusal ? html`<p class="refusal" role="alert" id="member-refusal">${this.refusal.message}</p>` : ''}
      <table data-testid="members">
        <thead><tr><th>Person</th><th>Roles here</th><th>Consortium roles</th><th>Change role</th><th>Revoke</th></tr></thead>
        <tbody>${people.map(m => html`<tr data-username=${m.username ?? ''}>
          <td>${m.username}<br><small>${[m.firstName, m.lastName].filter(Boolean).join(' ')}</small></td>
          <td>${[...(m.roles ?? [])].join(', ')}</td><td>${[...(m.consortiumRoles ?? [])].join(', ')}</td>
          <td><label><span class="visually-hidden">New role of ${m.username}</span><select
            @change=${(e: Event) => this.chosen.set(m.username ?? '', (e.target as HTMLSelectElement).value as NewMemberRoleEnum)}>
            ${ROLES.map(r => html`<option ?selected=${m.roles?.has(r)}>${r}</option>`)}</select></label>
            <button @click=${() => this.changeRole(m)}>Change</button></td>
          <td><confirm-button label="Revoke" question="Revoke ${m.username} at ${this.site}? Their sessions end now."
            @confirmed=${() => this.act(`${m.username} no longer has a role at ${this.site}.`,
              () => this.api.members.revokeMember({ site: this.site, username: m.username ?? '' }))}></confirm-button></td></tr>`)}</tbody>
      </table>
      <h4>Invite a person or grant a role</h4>
      <form class="filters" @submit=${this.invite} aria-describedby="member-refusal">
        <label>Username <input name="username" required aria-invalid=${this.invalid('/username')}></label>
        <label>Email <input name="email" type="email" aria-invalid=${this.invalid('/email')}></label>
        <label>First name <input name="firstName" aria-invalid=${this.invalid('/firstName')}></label>
        <label>Last name <input name="lastName" aria-invalid=${this.invalid('/lastName')}></label>
        <label>Role <select name="role">${ROLES.map(r => html`<option>${r}</option>`)}</select></label>
        <button type="submit">Grant</button>
      </form>`;
  }
}

customElements.define('member-list', MemberList);
