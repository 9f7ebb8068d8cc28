/** How long Studio waits at most for a busy service before it shows the refusal. */
const ATTEMPTS = 4;

/** The notice the shell shows while a call waits out a 503: the seconds to wait, or undefined once it is over. */
export const RETRY_NOTICE = 'chorus-retry';

/**
 * fetch for the generated clients: a 503 is retried after its Retry-After (seconds, at most 30), a few times, with a visible
 * notice; every other answer goes to the caller as it came.
 */
export async function fetchRetryingBusy(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(input, init);
    if (response.status !== 503 || attempt >= ATTEMPTS) {
      if (attempt > 1) {
        window.dispatchEvent(new CustomEvent(RETRY_NOTICE, { detail: undefined }));
      }
      return response;
    }
    const seconds = Math.min(30, Math.max(1, Number(response.headers.get('Retry-After')) || 2));
    window.dispatchEvent(new CustomEvent(RETRY_NOTICE, { detail: seconds }));
    await new Promise(resolve => setTimeout(resolve, seconds * 1000));
  }
}
