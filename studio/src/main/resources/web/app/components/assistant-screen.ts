import { LitElement, css, html } from 'lit';
import type { Api } from '../api';
import type { AssistantModel, AssistantScores, CodebookSummary } from '../clients/coding/src';
import { refusalOf, type Refusal } from '../problem';
import { screenStyles } from '../styles';

const POLL_MS = 1000;
const GIVE_UP_MS = 15 * 60 * 1000;

const percent = (value?: number) => (value === undefined ? '' : `${(100 * value).toFixed(1)} %`);
const decimal = (value?: number) => (value === undefined ? '' : value.toFixed(2));

/**
 * How good a codebook's assistant is: its cross-validation by transcript beside today's similarity-only method, per code
 * precision, recall, F1 and threshold, and a retraining on demand that shows its progress until the new model is in.
 */
export class AssistantScreen extends LitElement {
  static properties = {
    api: { attribute: false },
    codebooks: { state: true },
    codebook: { state: true },
    model: { state: true },
    training: { state: true },
    refusal: { state: true },
  };

  declare api: Api;
  declare codebooks: CodebookSummary[];
  declare codebook: string;
  declare model?: AssistantModel;
  declare training?: string;
  declare refusal?: Refusal;

  static styles = [screenStyles, css`
    td.number, th.number { text-align: right; }
    .notice { background: #fffbea; border-left: 4px solid #f0b429; padding: 0.4rem 0.8rem; }
  `];

  constructor() {
    super();
    this.codebooks = [];
    this.codebook = '';
  }

  override async connectedCallback() {
    super.connectedCallback();
    try {
      this.codebooks = (await this.api.codebooks.listCodebooks({ size: 100 })).items ?? [];
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  private async choose(id: string) {
    this.codebook = id;
    this.model = undefined;
    this.training = undefined;
    await this.load();
  }

  private async load() {
    if (!this.codebook) {
      return;
    }
    try {
      this.model = await this.api.assistant.getAssistantModel({ codebookId: this.codebook });
      this.refusal = undefined;
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  /** Asks for a retraining, then polls until a model newer than the one shown is in (the training runs in the background). */
  private async retrain() {
    const codebook = this.codebook;
    const before = this.model?.trainedAt?.getTime();
    try {
      await this.api.assistant.retrainAssistant({ codebookId: codebook });
      const started = Date.now();
      this.training = 'Training: the assistant is learning from the codings and cross-validating…';
      while (this.codebook === codebook && Date.now() - started < GIVE_UP_MS) {
        await new Promise(resolve => setTimeout(resolve, POLL_MS));
        const model = await this.api.assistant.getAssistantModel({ codebookId: codebook });
        const seconds = Math.round((Date.now() - started) / 1000);
        if (model.state === 'trained' && !model.stale && model.trainedAt?.getTime() !== before) {
          this.model = model;
          this.training = `Trained in ${((model.trainingMillis ?? 0) / 1000).toFixed(1)} s.`;
          return;
        }
        if (model.state !== 'trained' && !model.stale) {
          this.model = model;
          this.training = 'Nothing to learn from: this codebook has no codings of released paragraphs yet.';
          return;
        }
        this.training = `Training: the assistant is learning from the codings and cross-validating… (${seconds} s)`;
      }
    } catch (error) {
      this.training = undefined;
      this.refusal = await refusalOf(error);
    }
  }

  private scoreRows(learned?: AssistantScores, baseline?: AssistantScores) {
    const rows: [string, keyof AssistantScores, (v?: number) => string][] = [
      ['Top-1: the first suggestion is a code the paragraph has', 'top1', percent],
      ['Top-3: one of the first three is', 'top3', percent],
      ['Micro F1 (decisions at each code\'s threshold, pooled)', 'microF1', decimal],
      ['Macro F1 (mean over codes)', 'macroF1', decimal],
    ];
    return rows.map(([what, key, format]) => html`<tr><th scope="row">${what}</th>
      <td class="number">${format(baseline?.[key])}</td><td class="number">${format(learned?.[key])}</td></tr>`);
  }

  private renderModel(model: AssistantModel) {
    const evaluation = model.evaluation;
    // with fewer than two coded transcripts nothing was held out: there is no precision to show, not a precision of 0
    const measured = (value?: number) => (evaluation?.folds ? decimal(value) : 'not measured');
    return html`
      <p role="status" data-testid="assistant-state">${model.state === 'trained'
        ? `Trained ${model.trainedAt?.toLocaleString() ?? ''} in ${((model.trainingMillis ?? 0) / 1000).toFixed(1)} s on ${evaluation?.paragraphs ?? 0}
          coded paragraphs of ${evaluation?.transcripts ?? 0} transcripts (${evaluation?.codings ?? 0} codings), ${evaluation?.folds ?? 0} folds by transcript.`
        : 'Not trained yet: it learns once this codebook has codings of released paragraphs.'}</p>
      ${model.stale ? html`<p class="notice">Codings changed since this training; a retraining follows within seconds of the last change.</p>` : ''}
      ${evaluation && !evaluation.calibrated ? html`<p class="notice">Too few codings to learn from yet: the scores are the similarities alone,
        not calibrated probabilities.</p>` : ''}
      ${evaluation?.learned ? html`
        <table aria-label="How good it is">
          <caption>On transcripts it did not learn from</caption>
          <thead><tr><th scope="col">Measure</th><th scope="col" class="number">Similarity alone</th><th scope="col" class="number">Learned</th></tr></thead>
          <tbody>${this.scoreRows(evaluation.learned, evaluation.baseline)}</tbody>
        </table>` : ''}
      ${evaluation ? html`
        <table aria-label="Per code">
          <thead><tr><th scope="col">Code</th><th scope="col" class="number">Codings</th><th scope="col" class="number">Precision</th>
            <th scope="col" class="number">Recall</th><th scope="col" class="number">F1</th><th scope="col" class="number">Threshold</th>
            <th scope="col">From</th></tr></thead>
          <tbody>${(evaluation.codes ?? []).map(code => html`<tr><th scope="row">${code.code}</th>
            <td class="number">${code.codings}</td><td class="number">${measured(code.precision)}</td><td class="number">${measured(code.recall)}</td>
            <td class="number">${measured(code.f1)}</td><td class="number">${decimal(code.threshold)}</td>
            <td>${code.source === 'model' ? 'its own model' : 'definition and examples'}</td></tr>`)}</tbody>
        </table>` : ''}`;
  }

  override render() {
    return html`
      <h2>Assistant</h2>
      <p>The assistant learns each code from your team's codings and retrains by itself when they change. Here is how well it
        predicts codes on transcripts it did not learn from.</p>
      <div class="filters">
        <label>Codebook <select aria-label="Codebook" @change=${(e: Event) => this.choose((e.target as HTMLSelectElement).value)}>
          <option value="">choose</option>${this.codebooks.map(c => html`<option value=${c.id ?? ''}>${c.name} v${c.version}</option>`)}</select></label>
        <button ?disabled=${!this.codebook || this.training?.startsWith('Training')} @click=${this.retrain}>Retrain now</button>
      </div>
      ${this.refusal ? html`<p class="refusal" role="alert">${this.refusal.message}</p>` : ''}
      ${this.training ? html`<p role="status" data-testid="training">${this.training}</p>` : ''}
      ${this.model ? this.renderModel(this.model) : ''}`;
  }
}

customElements.define('assistant-screen', AssistantScreen);
