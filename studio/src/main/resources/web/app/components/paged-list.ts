import { LitElement, html } from 'lit';
import { refusalOf, type Refusal } from '../problem';
import { screenStyles } from '../styles';
import './page-nav';

/** One page of a listing as the generated clients return it. */
export interface ListPage<T> {
  items?: T[];
  total?: number | null;
}

/**
 * What every paged list shares: the page shown, its total, a refusal or a notice, reloading after a change. A subclass says
 * how to fetch a page and renders its rows.
 */
export abstract class PagedList<T> extends LitElement {
  static properties = {
    items: { state: true },
    page: { state: true },
    total: { state: true },
    refusal: { state: true },
    notice: { state: true },
  };

  declare items: T[];
  declare page: number;
  declare total: number;
  declare refusal?: Refusal;
  declare notice?: string;
  protected readonly size: number = 25;

  static styles = screenStyles;

  constructor() {
    super();
    this.items = [];
    this.page = 0;
    this.total = 0;
  }

  protected abstract fetchPage(page: number, size: number): Promise<ListPage<T>>;

  override connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  protected async load() {
    try {
      const answer = await this.fetchPage(this.page, this.size);
      this.items = answer.items ?? [];
      this.total = answer.total ?? 0;
    } catch (error) {
      this.refusal = await refusalOf(error);
    }
  }

  /** A change: its words as the notice, or the service's refusal; the page is read again after it. */
  protected async act(call: () => Promise<string>) {
    try {
      this.notice = await call();
      this.refusal = undefined;
      await this.load();
    } catch (error) {
      this.refusal = await refusalOf(error);
      this.notice = undefined;
    }
  }

  protected messages() {
    return html`${this.notice ? html`<p class="done" role="status">${this.notice}</p>` : ''}
      ${this.refusal ? html`<p class="refusal" role="alert" id="list-refusal">${this.refusal.message}</p>` : ''}`;
  }

  protected pageNav(noun: string) {
    return html`<page-nav .page=${this.page} .size=${this.size} .total=${this.total} noun=${noun}
      @go=${(e: CustomEvent<number>) => { this.page = e.detail; this.load(); }}></page-nav>`;
  }
}
