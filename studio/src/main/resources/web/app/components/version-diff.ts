import { LitElement, html } from 'lit';
import type { Api } from '../api';
import type { Diff } from '../clients/transcript/src';
import { refusalOf, type Refusal } from '../problem';
import { screenStyles } from '../styles';

/** The paragraphs that changed between two versions of a transcript, before beside after. */
export class VersionDiff extends LitElement {
  static properties = {
    api: { attribute: false },
    site: {},
    transcriptId: { attribute: 'transcript-id' },
    latest: { type: Number },
    from: { state: true },
    diff: { state: true },
    refusal: { state: true },
  };

  declare api: Api;
  declare site: string;
  declare transcriptId: string;
  declare latest: number;
  declare from: number;
  declare diff?: Diff;
  declare refusal?: Refusal;

  static styles = screenStyles;

  override connectedCallback() {
    super.connectedCallback();
    this.from = Math.max(1, this.latest - 1);
    this.load();
  }

  private async load() {
    try {
      this.diff = await this.api.versions.diffTranscriptVersions({ site: this.site, id: this.transcriptId, from: this.from, to: this.latest });
      this.refusal = undefined;
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  override render() {
    const versions = Array.from({ length: this.latest - 1 }, (_, i) => i + 1);
    return html`
      <label>From version <select @change=${(e: Event) => { this.from = Number((e.target as HTMLSelectElement).value); this.load(); }}>
        ${versions.map(v => html`<option value=${v} ?selected=${v === this.from}>${v}</option>`)}</select></label> to version ${this.latest}
      ${this.refusal ? html`<p class="refusal" role="alert">${this.refusal.message}</p>` : ''}
      <table data-testid="diff">
        <thead><tr><th>Paragraph</th><th>Before</th><th>After</th></tr></thead>
        <tbody>${(this.diff?.changes ?? []).map(c => html`<tr><td>${c.label}</td>
          <td><del>${c.before?.text ?? ''}</del><br><del>${c.before?.english ?? ''}</del></td>
          <td><ins>${c.after?.text ?? ''}</ins><br><ins>${c.after?.english ?? ''}</ins></td></tr>`)}</tbody>
      </table>`;
  }
}

customElements.define('version-diff', VersionDiff);
