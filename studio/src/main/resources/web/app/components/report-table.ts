import { LitElement, css, html } from 'lit';
import type { Report } from '../clients/reporting/src';
import { screenStyles } from '../styles';

/** A report's table as the API gives it; a withheld figure says so (the notes say why), a missing one shows a dash. */
export class ReportTable extends LitElement {
  static properties = { report: { attribute: false } };

  declare report: Report;

  static styles = [screenStyles, css`
    td.number { text-align: right; font-variant-numeric: tabular-nums; }
    .withheld { color: #7b4b00; font-style: italic; }
    .notes { background: #f0f4f8; padding: 0.5rem 1rem; }
  `];

  private cell(value: unknown, withheld: boolean) {
    if (withheld) {
      return html`<td class="withheld" title="Withheld by disclosure control: see the notes">withheld</td>`;
    }
    if (value === null || value === undefined) {
      return html`<td class="number" title="No value">\u2014</td>`;
    }
    if (typeof value === 'number') {
      return html`<td class="number">${Number.isInteger(value) ? value : value.toFixed(2)}</td>`;
    }
    return html`<td>${String(value)}</td>`;
  }

  override render() {
    const report = this.report;
    const withheld = new Map((report.withheld ?? []).map(w => [w.row ?? -1, new Set(w.columns ?? [])]));
    const columns = report.columns ?? [];
    return html`
      <table data-testid="report">
        <caption>${report.title}</caption>
        <thead><tr>${columns.map(c => html`<th scope="col">${c.label}</th>`)}</tr></thead>
        <tbody>${(report.rows ?? []).map((row, i) => html`<tr>${columns.map(c =>
          this.cell((row as Record<string, unknown>)[c.key ?? ''], withheld.get(i)?.has(c.key ?? '') ?? false))}</tr>`)}</tbody>
      </table>
      ${(report.rows ?? []).length === 0 ? html`<p role="status">No rows for these filters.</p>` : ''}
      ${(report.notes ?? []).length ? html`<div class="notes" data-testid="report-notes"><h3>Notes</h3>
        <ul>${(report.notes ?? []).map(n => html`<li>${n}</li>`)}</ul></div>` : ''}`;
  }
}

customElements.define('report-table', ReportTable);
