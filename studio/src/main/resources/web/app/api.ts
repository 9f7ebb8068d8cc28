import * as coding from './clients/coding/src';
import * as identity from './clients/identity/src';
import * as reporting from './clients/reporting/src';
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
  readonly exchange: coding.DesktopToolsREFIQDAApi;
  readonly codingAdmin: coding.AdministrationApi;
  readonly identity: identity.IdentityApi;
  /** transcript-service: a site's transcripts with the original-language text, for members of the site (every read audited there). */
  readonly originals: transcript.TranscriptsApi;
  readonly workflow: transcript.TranscriptWorkflowApi;
  readonly versions: transcript.TranscriptVersionsApi;
  readonly sessions: transcript.SessionsApi;
  readonly participants: transcript.ParticipantsApi;
  readonly projects: transcript.DesktopToolsREFIQDAApi;
  readonly sites: identity.SitesApi;
  readonly members: identity.SiteMembersApi;
  readonly partners: identity.PartnerSystemsApi;
  readonly consortiumRoles: identity.ConsortiumRolesApi;
  readonly accessAudit: identity.AuditApi;
  readonly readAudit: transcript.AuditApi;
  readonly studies: transcript.StudiesApi;
  readonly reports: reporting.ReportsApi;
  readonly reportingAdmin: reporting.AdministrationApi;

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
    this.exchange = new coding.DesktopToolsREFIQDAApi(codingConfig);
    this.codingAdmin = new coding.AdministrationApi(codingConfig);
    const transcriptConfig = new transcript.Configuration({ basePath: settings.transcriptUrl, accessToken, fetchApi: fetchRetryingBusy });
    this.originals = new transcript.TranscriptsApi(transcriptConfig);
    this.workflow = new transcript.TranscriptWorkflowApi(transcriptConfig);
    this.versions = new transcript.TranscriptVersionsApi(transcriptConfig);
    this.sessions = new transcript.SessionsApi(transcriptConfig);
    this.participants = new transcript.ParticipantsApi(transcriptConfig);
    this.projects = new transcript.DesktopToolsREFIQDAApi(transcriptConfig);
    const identityConfig = new identity.Configuration({ basePath: settings.identityUrl, accessToken, fetchApi: fetchRetryingBusy });
    this.identity = new identity.IdentityApi(identityConfig);
    this.sites = new identity.SitesApi(identityConfig);
    this.members = new identity.SiteMembersApi(identityConfig);
    this.partners = new identity.PartnerSystemsApi(identityConfig);
    this.consortiumRoles = new identity.ConsortiumRolesApi(identityConfig);
    this.accessAudit = new identity.AuditApi(identityConfig);
    this.readAudit = new transcript.AuditApi(transcriptConfig);
    this.studies = new transcript.StudiesApi(transcriptConfig);
    const reportingConfig = new reporting.Configuration({ basePath: settings.reportingUrl, accessToken, fetchApi: fetchRetryingBusy });
    this.reports = new reporting.ReportsApi(reportingConfig);
    this.reportingAdmin = new reporting.AdministrationApi(reportingConfig);
  }
}

/** Whether the signed-in person holds a consortium-wide role that runs rounds and decides consensus. */
export function isAnalyst(me: Me): boolean {
  return [...(me.consortiumRoles ?? [])].some(role => role === 'analyst' || role === 'consortium-admin');
}

/** Whether the signed-in person is a consortium admin: every site's access, the audit and operations. */
export function isAdmin(me: Me): boolean {
  return [...(me.consortiumRoles ?? [])].includes('consortium-admin');
}

/** Whether the person manages access somewhere: a consortium admin, or the lead of a site. */
export function managesAccess(me: Me): boolean {
  return isAdmin(me) || Object.values(me.siteRoles ?? {}).some(roles => [...roles].includes('site-lead'));
}

/** Whether the signed-in person may read and code released transcripts: what every workbench screen needs. */
export function mayCode(me: Me): boolean {
  const coding = new Set(['analyst', 'consortium-admin', 'site-lead', 'site-researcher']);
  return [...(me.consortiumRoles ?? []), ...Object.values(me.siteRoles ?? {}).flatMap(roles => [...roles])].some(role => coding.has(role));
}

/** The roles that work on a site's transcripts before release: intake, back-check, translation, review, release. */
const STAFF = new Set(['site-lead', 'site-researcher', 'translator']);

/** Whether the person works on transcripts before release at some site (or, as a translator, at every site). */
export function isSiteStaff(me: Me): boolean {
  return [...(me.consortiumRoles ?? [])].includes('translator')
    || Object.values(me.siteRoles ?? {}).some(roles => [...roles].some(role => STAFF.has(role)));
}

/** The person's roles at one site, consortium-wide translation included (a consortium translator translates everywhere). */
export function rolesAt(me: Me, site: string): Set<string> {
  const roles = new Set([...(me.siteRoles?.[site] ?? [])]);
  if ([...(me.consortiumRoles ?? [])].includes('translator')) {
    roles.add('translator');
  }
  return roles;
}

/** The sites whose intake the person works in: their own sites' codes, or every site for a consortium translator. */
export async function staffSites(api: Api, me: Me): Promise<string[]> {
  if ([...(me.consortiumRoles ?? [])].includes('translator')) {
    return (await api.sites.listSites()).map(site => site.code ?? '').filter(Boolean);
  }
  return Object.entries(me.siteRoles ?? {}).filter(([, roles]) => [...roles].some(role => STAFF.has(role))).map(([site]) => site).sort();
}

export type {
  AgreementReport, CodeSuggestion, CodeView, CodebookView, CodingView, Coefficients, Comparison, ConsensusDecision, MemoView, MyAssignment,
  ReleasedParagraph, ReleasedTranscript, ReleasedTranscriptSummary, RoundSummary, RoundView, SearchHit,
} from './clients/coding/src';
export type { Me } from './clients/identity/src';
export type {
  PushPreview, SiteCheckQuery, Stage, StageCounts, TranscriptPush, TranscriptSummary, TranscriptView, Transition, WorkflowBatchItemResult,
} from './clients/transcript/src';
