import { css } from 'lit';

/** What every screen shares: tables, refusals, results and the visible keyboard focus. */
export const screenStyles = css`
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 0.3rem 0.6rem; border-bottom: 1px solid #d9e2ec; vertical-align: top; }
  form.filters { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; margin-bottom: 0.5rem; }
  .refusal { color: #a61b1b; }
  .done { color: #1f6f3d; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.5rem 0; }
  button { font: inherit; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  :focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
`;
