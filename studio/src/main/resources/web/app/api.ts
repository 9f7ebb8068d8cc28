import * as coding from './clients/coding/src';
import * as identity from './clients/identity/src';
import * as transcript from './clients/transcript/src';
import { fetchRetryingBusy } from './retry';
import type { Session } from './session';
import type { Settings } from './settings';

/** Every server call goes through the clients generated from the committed OpenAPI documents. */
export class Api {
  readonly transcripts: coding.ReleasedTranscriptsApi;
  readonly codings: coding.CodingApi;
  readonly codebooks: coding.CodebooksApi;
  readonly rounds: coding.DoubleCodingApi;
  readonly memos: coding.MemosApi;
  readonly search: coding.SearchApi;
  readonly assistant: coding.AssistantApi;
  readonly identity: identity.IdentityApi;
  /** transcript-service: the original-language text, for members of the transcript's site (every read audited there). */
  readonly originals: transcript.TranscriptsApi;

  constructor(settings: Settings, session: Session) {
    const accessToken = () => session.authorization();
    const codingConfig = new coding.Configuration({ basePath: settings.codingUrl, accessToken, fetchApi: fetchRetryingBusy });
    this.transcripts = new coding.ReleasedTranscriptsApi(codingConfig);
    this.codings = new coding.CodingApi(codingConfig);
    this.codebooks = new coding.CodebooksApi(codingConfig);
    this.rounds = new coding.DoubleCodingApi(codingConfig);
    this.memos = new coding.MemosApi(codingConfig);
    this.search = new coding.SearchApi(codingConfig);
    this.assistant = new coding.AssistantApi(codingConfig);
    this.identity = new identity.IdentityApi(new identity.Configuration({ basePath: settings.identityUrl, accessToken,
      fetchApi: fetchRetryingBusy }));
    this.originals = new transcript.TranscriptsApi(new transcript.Configuration({ basePath: settings.transcriptUrl, accessToken,
      fetchApi: fetchRetryingBusy }));
  }
}

/** Whether the signed-in person holds a consortium-wide role that runs rounds and decides consensus. */
export function isAnalyst(me: Me): boolean {
  return [...(me.consortiumRoles ?? [])].some(role => role === 'analyst' || role === 'consortium-admin');
}

/** Whether the signed-in person may read and code released transcripts: what every workbench screen needs. */
export function mayCode(me: Me): boolean {
  const coding = new Set(['analyst', 'consortium-admin', 'site-lead', 'site-researcher']);
  return [...(me.consortiumRoles ?? []), ...Object.values(me.siteRoles ?? {}).flatMap(roles => [...roles])].some(role => coding.has(role));
}

export type {
  AgreementReport, CodeSuggestion, CodeView, CodebookView, CodingView, Coefficients, Comparison, ConsensusDecision, MemoView, MyAssignment,
  ReleasedParagraph, ReleasedTranscript, ReleasedTranscriptSummary, RoundSummary, RoundView, SearchHit,
} from './clients/coding/src';
export type { Me } from './clients/identity/src';
