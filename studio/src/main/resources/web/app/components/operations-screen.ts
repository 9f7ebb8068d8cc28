import { LitElement, html } from 'lit';
import type { Api } from '../api';
import type { Reconciliation } from '../clients/reporting/src';
import { refusalOf, type Refusal } from '../problem';
import { screenStyles } from '../styles';
import './dead-letters';

/** For consortium admins: the events each service could not apply, and the check of the report cells against their facts. */
export class OperationsScreen extends LitElement {
  static properties = { api: { attribute: false }, reconciliation: { state: true }, refusal: { state: true }, checking: { state: true } };

  declare api: Api;
  declare reconciliation?: Reconciliation;
  declare refusal?: Refusal;
  declare checking: boolean;

  static styles = screenStyles;

  constructor() {
    super();
    this.checking = false;
  }

  private async reconcile() {
    this.checking = true;
    try {
      this.reconciliation = await this.api.reportingAdmin.getReconciliation();
      this.refusal = undefined;
    } catch (error) {
      this.refusal = await refusalOf(error);
    } finally {
      this.checking = false;
    }
  }

  override render() {
    const r = this.reconciliation;
    return html`
      <h2>Operations</h2>
      <dead-letters .admin=${this.api.codingAdmin} service="coding-service"></dead-letters>
      <dead-letters .admin=${this.api.reportingAdmin} service="reporting-service"></dead-letters>
      <h3>Reconciliation</h3>
      <p>Compares every report cell with the facts it is counted from.</p>
      <button ?disabled=${this.checking} @click=${this.reconcile}>Run the reconciliation check</button>
      ${this.checking ? html`<p role="status">Checking…</p>` : ''}
      ${this.refusal ? html`<p class="refusal" role="alert">${this.refusal.message}</p>` : ''}
      ${r ? html`<p role="status" data-testid="reconciliation">${r.differences === 0 ? 'No differences: every cell matches its facts.'
        : `${r.differences} differences.`}</p>
        ${(r.codes ?? []).length ? html`<table><thead><tr><th>Code</th><th>Passages (cell / facts)</th><th>Documents (cell / facts)</th></tr></thead>
          <tbody>${(r.codes ?? []).map(d => html`<tr><td>${d.codeId}</td><td>${d.cellPassages} / ${d.factPassages}</td>
            <td>${d.cellDocuments} / ${d.factDocuments}</td></tr>`)}</tbody></table>` : ''}` : ''}`;
  }
}

customElements.define('operations-screen', OperationsScreen);
