/**
 * A panel filled from the admin HTTP API: loads on start and every `everyMs`, keeps
 * the last good content on a failed refresh (with a note), and says when it is empty.
 */
import { h, replaceChildren } from '../../../storefront/client/dom.js';
import { adminGet, SessionEnded } from '../api.js';

export interface PanelSpec<T> {
  id: string;
  title: string;
  /** The path to load, from the current settings (as-of date). */
  path: () => string;
  render: (data: T) => Node;
  everyMs: number;
  wide?: boolean;
}

export class RestPanel<T> {
  readonly el: HTMLElement;
  readonly #body: HTMLElement;
  readonly #note: HTMLElement;
  #timer: ReturnType<typeof setInterval> | undefined;
  #loading: AbortController | undefined;

  constructor(private readonly spec: PanelSpec<T>, private readonly onSessionEnded: () => void) {
    this.#body = h('div', { class: 'panel-body' }, h('p', { class: 'empty' }, 'Loading…'));
    this.#note = h('p', { class: 'panel-note', role: 'status' });
    this.el = h('section', { class: `panel${spec.wide ? ' wide' : ''}`, 'aria-labelledby': `${spec.id}-h`, 'data-testid': spec.id },
      h('h2', { id: `${spec.id}-h`, class: 'panel-title' }, spec.title), this.#body, this.#note);
  }

  start(): void {
    void this.reload();
    this.#timer = setInterval(() => void this.reload(), this.spec.everyMs);
  }

  async reload(): Promise<void> {
    this.#loading?.abort();
    const ctl = new AbortController();
    this.#loading = ctl;
    try {
      const data = await adminGet<T>(this.spec.path(), ctl.signal);
      if (ctl.signal.aborted) return;
      replaceChildren(this.#body, this.spec.render(data));
      this.#note.textContent = '';
      this.el.dataset['loaded'] = String(Date.now());
    } catch (err) {
      if (ctl.signal.aborted || (err as Error).name === 'AbortError') return;
      if (err instanceof SessionEnded) return this.onSessionEnded();
      this.#note.textContent = `Could not refresh: ${(err as Error).message}`;
    }
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#loading?.abort();
  }
}
