import { LitElement, css, html, nothing } from 'lit';
import type { Api, CodingView, Comparison, ConsensusDecision, ReleasedTranscript } from '../api';
import { codableCodes, type CodableCode } from '../codebook';
import { refusalOf, type Refusal } from '../problem';

const VALENCES = ['', 'facilitator', 'barrier', 'mixed', 'neutral'] as const;

interface CoderPassage {
  codingId: string;
  coder: string;
  codeId: string;
  codeName: string;
  firstParagraph: number;
  lastParagraph: number;
  startOffset?: number;
  endOffset?: number;
  valence?: string;
}

/**
 * Curation of a closed round's transcript: each paragraph's codings by coder side by side and the consensus beside them. Take
 * a coder's coding, edit it, or write one; each decision keeps what it is based on and a note. Saving replaces the consensus
 * with If-Match; when someone decided meanwhile (412), a reload takes their ETag and keeps the user's decisions.
 */
export class ConsensusEditor extends LitElement {
  static properties = {
    api: { attribute: false },
    roundId: { attribute: 'round-id' },
    transcriptId: { attribute: 'transcript-id' },
    paragraph: { type: Number },
    transcript: { state: true },
    codes: { state: true },
    passages: { state: true },
    coders: { state: true },
    decisions: { state: true },
    selected: { state: true },
    refusal: { state: true },
    conflict: { state: true },
    notice: { state: true },
  };

  declare api: Api;
  declare roundId: string;
  declare transcriptId: string;
  declare paragraph?: number;
  declare transcript?: ReleasedTranscript;
  declare codes: CodableCode[];
  declare passages: CoderPassage[];
  declare coders: string[];
  declare decisions: ConsensusDecision[];
  declare selected?: number;
  declare refusal?: Refusal;
  declare conflict: boolean;
  declare notice?: string;
  private etag?: string;
  private comparison?: Comparison;

  static styles = css`
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid #d9e2ec; }
    th { border-bottom: 2px solid #243b53; }
    td.text { width: 40%; }
    .label { color: #486581; margin-right: 0.3rem; }
    .passage, .decision { display: block; font-size: 0.85rem; margin: 0.1rem 0; padding: 0.1rem 0.3rem; border-left: 4px solid #829ab1;
      background: #f0f4f8; }
    .decision { border-left-color: #2f8132; }
    .decision[aria-current="true"] { outline: 2px solid #243b53; }
    .decision.invalid { border-left-color: #a61b1b; }
    form.edit { margin-top: 1rem; padding: 0.6rem; border: 1px solid #829ab1; max-width: 40rem; }
    form.edit label { display: block; margin: 0.4rem 0; }
    select, input, textarea { font: inherit; }
    textarea { width: 100%; box-sizing: border-box; }
    .refusal { color: #a61b1b; }
    .notice { background: #fff3c4; padding: 0.4rem; }
    .actions { display: flex; gap: 0.5rem; margin: 0.5rem 0; flex-wrap: wrap; }
    button.small { font-size: 0.75rem; }
    :focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
  `;

  constructor() {
    super();
    this.codes = [];
    this.passages = [];
    this.coders = [];
    this.decisions = [];
    this.conflict = false;
  }

  override async connectedCallback() {
    super.connectedCallback();
    try {
      const round = await this.api.rounds.getRound({ id: this.roundId });
      const [transcript, codebook, comparison] = await Promise.all([
        this.api.transcripts.getReleasedTranscript({ id: this.transcriptId }),
        this.api.codebooks.getCodebook({ id: round.codebookId! }),
        this.api.rounds.compareRoundCodings({ id: this.roundId, transcript: this.transcriptId }),
      ]);
      this.codes = codableCodes(codebook.codes ?? []);
      this.comparison = comparison;
      this.coders = comparison.coders ?? [];
      this.passages = (comparison.items ?? []).flatMap(item => (item.passages ?? []).map(p => ({ codingId: p.codingId!, coder: p.coder ?? '',
        codeId: item.codeId!, codeName: item.codeName ?? '', firstParagraph: p.firstParagraph!, lastParagraph: p.lastParagraph!,
        startOffset: p.startOffset, endOffset: p.endOffset, valence: p.valence })));
      await this.loadConsensus(true);
      this.transcript = transcript;
    } catch (error) {
      this.notice = (await refusalOf(error)).message;
    }
  }

  override updated(changed: Map<string, unknown>) {
    if (changed.has('transcript') && this.transcript && this.paragraph) {
      this.renderRoot.querySelector(`[data-n="${this.paragraph}"]`)?.scrollIntoView({ block: 'center' });
    }
  }

  /** Reads the decided consensus and its ETag; the user's decisions are replaced by it only when asked (on opening). */
  private async loadConsensus(takeTheirs: boolean) {
    const answer = await this.api.rounds.getConsensusRaw({ id: this.roundId, transcriptId: this.transcriptId });
    const consensus = await answer.value();
    this.etag = consensus.decidedBy ? answer.raw.headers.get('ETag') ?? undefined : undefined;
    if (takeTheirs) {
      this.decisions = (consensus.codings ?? []).map(decisionOf);
    } else {
      this.notice = `Reloaded: ${consensus.decidedBy ?? 'someone'} decided ${(consensus.codings ?? []).length} codings meanwhile. `
        + 'Your decisions are kept: save to replace theirs with yours.';
    }
    this.conflict = false;
  }

  private take(...passages: CoderPassage[]) {
    const p = passages[0];
    this.decisions = [...this.decisions, { codeId: p.codeId, firstParagraph: p.firstParagraph, lastParagraph: p.lastParagraph,
      startOffset: p.startOffset, endOffset: p.endOffset, valence: p.valence as ConsensusDecision['valence'],
      basedOn: passages.map(x => x.codingId), note: '' }];
    this.selected = this.decisions.length - 1;
  }

  private takeAgreed() {
    const agreed = (this.comparison?.items ?? []).filter(i => i.agreed);
    agreed.forEach(item => this.take(...this.passages.filter(p => item.passages?.some(x => x.codingId === p.codingId))));
    this.notice = `${agreed.length} agreed codings taken into the consensus.`;
  }

  private write(at: number) {
    this.decisions = [...this.decisions, { codeId: this.codes[0]?.code.id ?? '', firstParagraph: at, lastParagraph: at, basedOn: [], note: '' }];
    this.selected = this.decisions.length - 1;
  }

  private change(index: number, patch: Partial<ConsensusDecision>) {
    this.decisions = this.decisions.map((d, i) => (i === index ? { ...d, ...patch } : d));
  }

  private drop(index: number) {
    this.decisions = this.decisions.filter((_, i) => i !== index);
    this.selected = undefined;
  }

  private async save() {
    try {
      const view = await this.api.rounds.decideConsensusRaw({ id: this.roundId, transcriptId: this.transcriptId, ifMatch: this.etag,
        consensusSet: { codings: this.decisions.map(d => ({ ...d, valence: d.valence || undefined, note: d.note || undefined })) } });
      const decided = await view.value();
      this.etag = view.raw.headers.get('ETag') ?? undefined;
      this.decisions = (decided.codings ?? []).map(decisionOf);
      this.refusal = undefined;
      this.notice = `Consensus saved: ${this.decisions.length} codings, decided by ${decided.decidedBy}.`;
    } catch (error) {
      this.refusal = await refusalOf(error);
      this.conflict = this.refusal.status === 412 || this.refusal.status === 428;
    }
  }

  /** The decision a refusal's pointer names, such as /codings/2/lastParagraph. */
  private refusedAt(): number | undefined {
    const match = /^\/codings\/(\d+)/.exec(this.refusal?.pointer ?? '');
    return match ? Number(match[1]) : undefined;
  }

  private codeName(codeId?: string): string {
    return this.codes.find(c => c.code.id === codeId)?.path ?? 'a retired code';
  }

  private range(first?: number, last?: number): string {
    return first === last ? `¶${first}` : `¶${first}–${last}`;
  }

  private editor() {
    const index = this.selected;
    const d = index === undefined ? undefined : this.decisions[index];
    if (index === undefined || !d) {
      return nothing;
    }
    const field = (name: string) => (this.refusedAt() === index && this.refusal?.pointer?.endsWith('/' + name) ? 'true' : 'false');
    return html`<form class="edit" aria-label="Consensus coding ${index + 1}" @submit=${(e: Event) => e.preventDefault()}>
      <label>Code <select .value=${d.codeId} aria-invalid=${field('codeId')}
        @change=${(e: Event) => this.change(index, { codeId: (e.target as HTMLSelectElement).value })}>
        ${this.codes.map(c => html`<option value=${c.code.id ?? ''} ?selected=${c.code.id === d.codeId}>${c.path}</option>`)}</select></label>
      <label>First paragraph <input type="number" min="1" .value=${String(d.firstParagraph)} aria-invalid=${field('firstParagraph')}
        @change=${(e: Event) => this.change(index, { firstParagraph: Number((e.target as HTMLInputElement).value) })}></label>
      <label>Last paragraph <input type="number" min="1" .value=${String(d.lastParagraph)} aria-invalid=${field('lastParagraph')}
        @change=${(e: Event) => this.change(index, { lastParagraph: Number((e.target as HTMLInputElement).value) })}></label>
      <label>Valence <select .value=${d.valence ?? ''}
        @change=${(e: Event) => this.change(index, { valence: ((e.target as HTMLSelectElement).value || undefined) as ConsensusDecision['valence'] })}>
        ${VALENCES.map(v => html`<option value=${v} ?selected=${v === (d.valence ?? '')}>${v || 'none'}</option>`)}</select></label>
      <label>Decision note <textarea rows="3" .value=${d.note ?? ''} aria-invalid=${field('note')}
        @input=${(e: Event) => this.change(index, { note: (e.target as HTMLTextAreaElement).value })}></textarea></label>
      <p>Based on ${(d.basedOn ?? []).length ? (d.basedOn ?? []).map(id => this.passages.find(p => p.codingId === id)?.coder ?? id).join(', ') : 'nobody\u2019s coding: written in the discussion'}.</p>
      <div class="actions"><button type="button" @click=${() => this.drop(index)}>Remove this coding</button>
        <button type="button" @click=${() => (this.selected = undefined)}>Done editing</button></div>
    </form>`;
  }

  override render() {
    const transcript = this.transcript;
    if (!transcript) {
      return html`<p aria-live="polite">${this.notice ?? 'Opening the consensus…'}</p>`;
    }
    const touched = (n: number) => this.passages.some(p => p.firstParagraph <= n && n <= p.lastParagraph)
      || this.decisions.some(d => d.firstParagraph <= n && n <= d.lastParagraph);
    return html`
      <h2>Consensus: ${transcript.externalId}</h2>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      ${this.conflict ? html`<p class="notice" role="alert">${this.refusal?.status === 428
          ? 'Someone decided this consensus after you opened it.' : 'Someone changed this consensus while you were deciding.'}
          <button @click=${() => this.loadConsensus(false)}>Reload, keep my decisions</button></p>`
        : this.refusal ? html`<p class="refusal" role="alert">${this.refusal.message}</p>` : nothing}
      <div class="actions">
        <button @click=${() => this.takeAgreed()}>Take every agreed coding</button>
        <button @click=${() => this.save()} ?disabled=${this.conflict}>Save the consensus (${this.decisions.length})</button>
      </div>
      <table aria-label="Codings by coder and the consensus">
        <thead><tr><th scope="col">Paragraph</th>${this.coders.map(c => html`<th scope="col">${c}</th>`)}<th scope="col">Consensus</th></tr></thead>
        <tbody>${(transcript.paragraphs ?? []).filter(p => touched(p.n ?? 0)).map(p => {
          const n = p.n ?? 0;
          return html`<tr data-n=${n}>
            <td class="text"><span class="label">${p.label}</span><b>${p.speaker}</b> ${p.english}</td>
            ${this.coders.map(coder => html`<td>${this.passages.filter(x => x.coder === coder && x.firstParagraph === n)
              .map(x => html`<span class="passage" data-testid="coder-passage">${x.codeName} ${this.range(x.firstParagraph, x.lastParagraph)}${x.valence ? `, ${x.valence}` : ''}
                <button class="small" @click=${() => this.take(x)} aria-label="Take ${coder}'s ${x.codeName} at ${this.range(x.firstParagraph, x.lastParagraph)}">Take</button></span>`)}</td>`)}
            <td>
              ${this.decisions.map((d, i) => (d.firstParagraph === n ? html`<span class="decision ${this.refusedAt() === i ? 'invalid' : ''}"
                aria-current=${this.selected === i ? 'true' : 'false'} data-testid="decision">${this.codeName(d.codeId)} ${this.range(d.firstParagraph, d.lastParagraph)}${d.valence ? `, ${d.valence}` : ''}
                <button class="small" @click=${() => (this.selected = i)}>Edit</button></span>` : nothing))}
              <button class="small" @click=${() => this.write(n)} aria-label="Write a consensus coding at ${p.label}">+ Write</button>
            </td></tr>`;
        })}</tbody>
      </table>
      ${this.editor()}
    `;
  }
}

function decisionOf(c: CodingView): ConsensusDecision {
  return { codeId: c.codeId!, firstParagraph: c.firstParagraph!, lastParagraph: c.lastParagraph!, startOffset: c.startOffset,
    endOffset: c.endOffset, valence: c.valence as ConsensusDecision['valence'], weight: c.weight, basedOn: c.basedOn ?? [], note: c.note ?? '' };
}

customElements.define('consensus-editor', ConsensusEditor);
