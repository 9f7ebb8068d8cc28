import { LitElement, css, html, nothing } from 'lit';
import type { AgreementReport, Api, CodeView, Coefficients, Comparison } from '../api';
import type { VariableAgreementReport } from '../clients/coding/src';
import { figure, percent } from '../figures';
import { refusalOf } from '../problem';

interface Disagreement {
  transcriptId: string;
  codeName: string;
  paragraph: number;
  coders: string;
}

/**
 * A closed round's agreement: every coefficient per code with the units used, the variables' coefficients, a pairwise coder
 * matrix, and the disagreements to step through (n and p, or the list), each opening the transcript's consensus.
 */
export class AgreementView extends LitElement {
  static properties = {
    api: { attribute: false },
    roundId: { attribute: 'round-id' },
    codes: { attribute: false },
    report: { state: true },
    variables: { state: true },
    disagreements: { state: true },
    at: { state: true },
    notice: { state: true },
  };

  declare api: Api;
  declare roundId: string;
  declare codes: CodeView[];
  declare report?: AgreementReport;
  declare variables: VariableAgreementReport[];
  declare disagreements: Disagreement[];
  declare at: number;
  declare notice?: string;

  static styles = css`
    table { border-collapse: collapse; margin-bottom: 1rem; }
    th, td { text-align: right; padding: 0.25rem 0.5rem; border-bottom: 1px solid #d9e2ec; font-variant-numeric: tabular-nums; }
    th:first-child, td:first-child { text-align: left; }
    caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
    .method { font-size: 0.8rem; color: #486581; max-width: 60rem; }
    ol { padding-left: 1.2rem; }
    li[aria-current="true"] { background: #e6f0ff; }
    :focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
  `;

  constructor() {
    super();
    this.codes = [];
    this.variables = [];
    this.disagreements = [];
    this.at = 0;
  }

  override async connectedCallback() {
    super.connectedCallback();
    try {
      this.report = await this.api.rounds.getRoundAgreement({ id: this.roundId });
      const variableCodes = this.codes.filter(c => c.variableLevel);
      const [variables, comparisons] = await Promise.all([
        Promise.all(variableCodes.map(c => this.api.rounds.getRoundVariableAgreement({ id: this.roundId, codeId: c.id! }))),
        Promise.all((this.report.transcripts ?? []).map(t => this.api.rounds.compareRoundCodings({ id: this.roundId, transcript: t.transcriptId! }))),
      ]);
      this.variables = variables;
      this.disagreements = comparisons.flatMap((c: Comparison) => (c.items ?? []).filter(i => !i.agreed).map(i => ({
        transcriptId: c.transcriptId ?? '', codeName: i.codeName ?? '', paragraph: i.passages?.[0]?.firstParagraph ?? 1,
        coders: (i.passages ?? []).map(p => p.coder).join(', ') })));
    } catch (error) {
      this.notice = (await refusalOf(error)).message;
    }
  }

  private step(event: KeyboardEvent) {
    const move = event.key === 'n' ? 1 : event.key === 'p' ? -1 : 0;
    if (move !== 0 && this.disagreements.length > 0) {
      this.at = Math.min(this.disagreements.length - 1, Math.max(0, this.at + move));
      (this.renderRoot.querySelector(`#d-${this.at} a`) as HTMLElement | null)?.focus();
      event.preventDefault();
    }
  }

  private row(name: string, c?: Coefficients) {
    return html`<tr><td>${name}</td><td>${c?.units ?? 0}</td><td>${percent(c?.percentAgreement)}</td><td>${figure(c?.cohenKappa)}</td>
      <td>${figure(c?.fleissKappa)}</td><td>${figure(c?.krippendorffAlpha)}</td><td>${figure(c?.unitizingAlpha)}</td>
      <td>${percent(c?.segments?.percent)}</td><td>${figure(c?.segments?.brennanPredigerKappa)}</td></tr>`;
  }

  private matrix(report: AgreementReport) {
    const coders = report.coders ?? [];
    const pair = (a: string, b: string) => report.pairs?.find(p => (p.first === a && p.second === b) || (p.first === b && p.second === a));
    return html`<table data-testid="pairwise">
      <caption>Pairwise: Cohen's kappa (percent agreement) over the transcripts both coded</caption>
      <thead><tr><th scope="col">Coder</th>${coders.map(c => html`<th scope="col">${c}</th>`)}</tr></thead>
      <tbody>${coders.map(a => html`<tr><th scope="row">${a}</th>${coders.map(b => {
        const p = a === b ? undefined : pair(a, b);
        return html`<td>${a === b ? '' : p?.pooledPresence
          ? `${figure(p.pooledPresence.cohenKappa)} (${percent(p.pooledPresence.percentAgreement)})` : 'no shared transcript'}</td>`;
      })}</tr>`)}</tbody>
    </table>`;
  }

  override render() {
    const report = this.report;
    if (!report) {
      return html`<p aria-live="polite">${this.notice ?? 'Computing the agreement…'}</p>`;
    }
    return html`
      <h3>Agreement</h3>
      <table data-testid="per-code">
        <caption>Per code (present or absent per paragraph) and pooled</caption>
        <thead><tr><th scope="col">Code</th><th scope="col">Units</th><th scope="col">Agreement</th><th scope="col">Cohen's κ</th>
          <th scope="col">Fleiss' κ</th><th scope="col">Krippendorff's α</th><th scope="col">Unitizing α</th>
          <th scope="col">Segments</th><th scope="col">Brennan-Prediger κ</th></tr></thead>
        <tbody>${(report.codes ?? []).map(c => this.row(c.codeName ?? '', c.coefficients))}${this.row('All codes, pooled', report.pooledPresence)}</tbody>
      </table>
      ${this.variables.length ? html`<table data-testid="per-variable">
        <caption>Per variable</caption>
        <thead><tr><th scope="col">Variable</th><th scope="col">Units</th><th scope="col">Agreement</th><th scope="col">Cohen's κ</th>
          <th scope="col">Scott's π</th><th scope="col">Gwet's AC1</th><th scope="col">Weighted κ (quadratic)</th></tr></thead>
        <tbody>${this.variables.map(v => html`<tr><td>${v.variable} (${v.level})</td><td>${v.units?.ratedByTwoOrMore ?? 0}</td>
          <td>${percent(v.coefficients?.percentAgreement)}</td><td>${figure(v.coefficients?.cohenKappa)}</td>
          <td>${figure(v.coefficients?.scottPi)}</td><td>${figure(v.coefficients?.gwetAc1)}</td>
          <td>${figure(v.coefficients?.weightedKappaQuadratic)}</td></tr>`)}</tbody>
      </table>` : nothing}
      ${this.matrix(report)}
      <p class="method">${report.method}</p>
      <h3 id="disagreements">Disagreements (${this.disagreements.length})</h3>
      <p class="help">Step through them with <kbd>n</kbd> and <kbd>p</kbd>; each opens the consensus of its transcript.</p>
      <ol aria-labelledby="disagreements" @keydown=${this.step}>
        ${this.disagreements.map((d, i) => html`<li id="d-${i}" aria-current=${i === this.at ? 'true' : 'false'} data-testid="disagreement">
          <a href="#/rounds/${this.roundId}/consensus/${encodeURIComponent(d.transcriptId)}?paragraph=${d.paragraph}"
            @focus=${() => (this.at = i)}>${d.codeName} at paragraph ${d.paragraph}</a> — coded by ${d.coders} only</li>`)}
      </ol>
    `;
  }
}

customElements.define('agreement-view', AgreementView);
