import { LitElement, html } from 'lit';
import type { Api } from '../api';
import type { Diff, VersionSummary } from '../clients/transcript/src';
import { refusalOf, type Refusal } from '../problem';
import { screenStyles } from '../styles';

/** A released transcript's versions, and the paragraphs that changed between two of them, before beside after. */
export class VersionDiff extends LitElement {
  static properties = {
    api: { attribute: false },
    site: {},
    transcriptId: { attribute: 'transcript-id' },
    versions: { state: true },
    from: { state: true },
    to: { state: true },
    diff: { state: true },
    refusal: { state: true },
  };

  declare api: Api;
  declare site: string;
  declare transcriptId: string;
  declare versions: VersionSummary[];
  declare from: number;
  declare to: number;
  declare diff?: Diff;
  declare refusal?: Refusal;

  static styles = screenStyles;

  constructor() {
    super();
    this.versions = [];
  }

  override async connectedCallback() {
    super.connectedCallback();
    try {
      this.versions = await this.api.versions.listTranscriptVersions({ site: this.site, id: this.transcriptId });
      const numbers = this.versions.map(v => v.version ?? 0).sort((a, b) => a - b);
      if (numbers.length > 1) {
        this.to = numbers[numbers.length - 1];
        this.from = numbers[numbers.length - 2];
        await this.load();
      }
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  private async load() {
    try {
      this.diff = await this.api.versions.diffTranscriptVersions({ site: this.site, id: this.transcriptId, from: this.from, to: this.to });
      this.refusal = undefined;
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  private pick(which: 'from' | 'to', event: Event) {
    this[which] = Number((event.target as HTMLSelectElement).value);
    this.load();
  }

  /** One side of a change: marked as deleted or inserted where it differs from the other side, plain where it does not. */
  private static side(text: string | undefined, other: string | undefined, mark: 'del' | 'ins') {
    if (text === other) {
      return html`${text ?? ''}`;
    }
    return mark === 'del' ? html`<del>${text ?? ''}</del>` : html`<ins>${text ?? ''}</ins>`;
  }

  override render() {
    if (this.versions.length < 2) {
      return this.refusal ? html`<p class="refusal" role="alert">${this.refusal.message}</p>` : '';
    }
    const numbers = this.versions.map(v => v.version ?? 0);
    const choice = (which: 'from' | 'to') => html`<select aria-label="${which === 'from' ? 'From' : 'To'} version"
      @change=${(e: Event) => this.pick(which, e)}>${numbers.map(v => html`<option value=${v} ?selected=${v === this[which]}>${v}</option>`)}</select>`;
    return html`
      <h3>Changes between versions</h3>
      <p>From version ${choice('from')} to version ${choice('to')}</p>
      ${this.refusal ? html`<p class="refusal" role="alert">${this.refusal.message}</p>` : ''}
      <table data-testid="diff">
        <thead><tr><th>Paragraph</th><th>Before</th><th>After</th></tr></thead>
        <tbody>${(this.diff?.changes ?? []).map(c => html`<tr><td>${c.label}</td>
          <td>${VersionDiff.side(c.before?.text, c.after?.text, 'del')}<br>${VersionDiff.side(c.before?.english, c.after?.english, 'del')}</td>
          <td>${VersionDiff.side(c.after?.text, c.before?.text, 'ins')}<br>${VersionDiff.side(c.after?.english, c.before?.english, 'ins')}</td>
        </tr>`)}</tbody>
      </table>`;
  }
}

customElements.define('version-diff', VersionDiff);
