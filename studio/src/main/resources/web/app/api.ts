import * as coding from './clients/coding/src';
import * as identity from './clients/identity/src';
import * as transcript from './clients/transcript/src';
import type { Session } from './session';
import type { Settings } from './settings';

/** Every server call goes through the clients generated from the committed OpenAPI documents. */
export class Api {
  readonly transcripts: coding.ReleasedTranscriptsApi;
  readonly codings: coding.CodingApi;
  readonly codebooks: coding.CodebooksApi;
  readonly identity: identity.IdentityApi;
  /** transcript-service: the original-language text, for members of the transcript's site (every read audited there). */
  readonly originals: transcript.TranscriptsApi;

  constructor(settings: Settings, session: Session) {
    const accessToken = () => session.authorization();
    const codingConfig = new coding.Configuration({ basePath: settings.codingUrl, accessToken });
    this.transcripts = new coding.ReleasedTranscriptsApi(codingConfig);
    this.codings = new coding.CodingApi(codingConfig);
    this.codebooks = new coding.CodebooksApi(codingConfig);
    this.identity = new identity.IdentityApi(new identity.Configuration({ basePath: settings.identityUrl, accessToken }));
    this.originals = new transcript.TranscriptsApi(new transcript.Configuration({ basePath: settings.transcriptUrl, accessToken }));
  }
}

export type { CodeView, CodebookView, CodingView, ReleasedTranscript, ReleasedParagraph, ReleasedTranscriptSummary } from './clients/coding/src';
export type { Me } from './clients/identity/src';
