/** A refusal in words, from the service's RFC 9457 problem+json, with the field its pointer names. */
export interface Refusal {
  status: number;
  message: string;
  pointer?: string;
}

interface ProblemBody {
  title?: string;
  detail?: string;
  errors?: { pointer?: string; parameter?: string; detail?: string; message?: string }[];
}

export async function refusalOf(error: unknown): Promise<Refusal> {
  const response = (error as { response?: Response }).response;
  if (!response) {
    return { status: 0, message: error instanceof Error ? error.message : String(error) };
  }
  let body: ProblemBody = {};
  try {
    body = await response.clone().json();
  } catch {
    // not a problem document: the status line is all there is
  }
  const first = body.errors?.[0];
  const overall = body.detail ?? body.title ?? `${response.status} ${response.statusText}`;
  const field = first?.detail ?? first?.message;
  // the field's name from its pointer (/codings/1/note: "codings 1 note"), so that the words say what to correct
  const name = first?.pointer?.split('/').filter(Boolean).join(' ');
  const about = field && field !== overall ? (name ? `${name} ${field}` : field) : undefined;
  const message = about ? `${overall}: ${about}` : name && !overall.includes(name) ? `${overall} (${name})` : overall;
  return { status: response.status, message, pointer: first?.pointer };
}
