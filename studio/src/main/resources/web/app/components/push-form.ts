import { LitElement, html } from 'lit';
import type { Api, PushPreview, TranscriptPush } from '../api';
import { base64Of } from '../base64';
import { IDENTIFIER_KINDS, parseIdentifiers } from '../identifiers';
import { refusalOf, type Refusal } from '../problem';
import { screenStyles } from '../styles';


/**
 * A transcript pushed by hand: turns pasted or a .docx/.txt file, with the session, language and the identifiers to replace.
 * The pseudonymised paragraphs and the words that may still be names are shown first; only a checked preview is stored.
 */
export class PushForm extends LitElement {
  static properties = {
    api: { attribute: false },
    site: {},
    preview: { state: true },
    checked: { state: true },
    refusal: { state: true },
    busy: { state: true },
  };

  declare api: Api;
  declare site: string;
  declare preview?: PushPreview;
  declare checked: boolean;
  declare refusal?: Refusal;
  declare busy: boolean;
  /** The push the preview was made of: what Store sends, so that what was checked is what is stored. */
  private previewed?: TranscriptPush;

  static styles = [screenStyles];

  constructor() {
    super();
    this.checked = false;
    this.busy = false;
  }

  private async pushOf(form: HTMLFormElement): Promise<TranscriptPush> {
    const data = new FormData(form);
    const text = (name: string) => ((data.get(name) as string | null) ?? '').trim();
    const file = data.get('file') as File | null;
    const document = file && file.size > 0
      ? { format: file.name.toLowerCase().endsWith('.docx') ? 'docx' as const : 'text' as const,
        content: base64Of(new Uint8Array(await file.arrayBuffer())) }
      : { format: 'text' as const, content: base64Of(new TextEncoder().encode(text('turns'))) };
    const identifiers = parseIdentifiers(text('identifiers'));
    return { externalId: text('externalId'), language: text('language'), title: text('title') || undefined,
      session: text('session') || undefined, document, identifiers: identifiers.length ? identifiers : undefined };
  }

  private async previewPush(event: Event) {
    event.preventDefault();
    this.busy = true;
    try {
      const push = await this.pushOf(event.target as HTMLFormElement);
      this.preview = await this.api.originals.previewTranscriptPush({ site: this.site, transcriptPush: push });
      this.previewed = push;
      this.checked = false;
      this.refusal = undefined;
    } catch (error) {
      this.preview = undefined;
      this.refusal = await refusalOf(error);
    } finally {
      this.busy = false;
    }
  }

  private async store() {
    this.busy = true;
    try {
      const stored = await this.api.originals.pushTranscript({ site: this.site, transcriptPush: this.previewed!,
        idempotencyKey: crypto.randomUUID() });
      window.location.hash = `#/intake/${encodeURIComponent(this.site)}/transcripts/${encodeURIComponent(stored.id ?? '')}`;
    } catch (error) {
      this.refusal = await refusalOf(error);
    } finally {
      this.busy = false;
    }
  }

  /** The form's input changed: the preview no longer shows what Store would send. */
  private changed() {
    this.preview = undefined;
    this.previewed = undefined;
  }

  private invalid(pointer: string): 'true' | 'false' {
    return this.refusal?.pointer?.startsWith(pointer) ? 'true' : 'false';
  }

  override render() {
    return html`
      <h2>Push a transcript to ${this.site}</h2>
      <p><a href="#/intake/${encodeURIComponent(this.site)}">Back to the intake</a></p>
      <form @submit=${this.previewPush} @input=${this.changed} aria-describedby="push-refusal">
        <p><label>External id <input name="externalId" required pattern="[A-Za-z0-9._:\\-]+" aria-invalid=${this.invalid('/externalId')}></label>
          <label>Language <input name="language" required size="6" placeholder="de" aria-invalid=${this.invalid('/language')}></label>
          <label>Session <input name="session" aria-invalid=${this.invalid('/session')}></label></p>
        <p><label>Title <input name="title" size="50" aria-invalid=${this.invalid('/title')}></label></p>
        <p><label>Turns, one per line as <code>Speaker: words</code> (a line without a speaker continues the turn above)<br>
          <textarea name="turns" rows="8" cols="90" aria-invalid=${this.invalid('/document')}></textarea></label></p>
        <p><label>…or a file (.docx or .txt) <input name="file" type="file" accept=".docx,.txt,text/plain"></label></p>
        <p><label>Identifiers to replace, one per line as <code>kind: value</code> (kinds: ${IDENTIFIER_KINDS.join(', ')})<br>
          <textarea name="identifiers" rows="3" cols="60" aria-invalid=${this.invalid('/identifiers')}></textarea></label></p>
        <button type="submit" ?disabled=${this.busy}>Preview</button>
      </form>
      ${this.refusal ? html`<p id="push-refusal" class="refusal" role="alert">${this.refusal.message}</p>` : ''}
      ${this.preview ? this.renderPreview(this.preview) : ''}
    `;
  }

  private renderPreview(preview: PushPreview) {
    const candidates = preview.nameCandidates ?? [];
    return html`<section aria-labelledby="preview-heading">
      <h3 id="preview-heading">What will be stored (${preview.paragraphs?.length ?? 0} paragraphs)</h3>
      ${candidates.length ? html`<p>Words that may still be names: check them before you store.</p>
        <ul data-testid="name-candidates">${candidates.map(c => html`<li>${c.label}: <mark>${c.token}</mark></li>`)}</ul>`
        : html`<p>No capitalised words that may be names were found.</p>`}
      <table>
        <thead><tr><th>Paragraph</th><th>Speaker</th><th>Text</th></tr></thead>
        <tbody data-testid="preview-paragraphs">${(preview.paragraphs ?? []).slice(0, 200).map(p => html`<tr><td>${p.label}</td><td>${p.speaker}</td>
          <td>${p.text}</td></tr>`)}</tbody>
      </table>
      ${(preview.paragraphs?.length ?? 0) > 200 ? html`<p>The first 200 paragraphs are shown.</p>` : ''}
      <p><label><input type="checkbox" .checked=${this.checked} @change=${(e: Event) => (this.checked = (e.target as HTMLInputElement).checked)}>
        I have checked that no names or other identifiers are left</label></p>
      <button ?disabled=${!this.checked || this.busy} @click=${this.store}>Store the transcript</button>
    </section>`;
  }
}

customElements.define('push-form', PushForm);
