// The console's only contact with the API. The rest of the page works with "cases" (every
// report on one message, post or comment, decided as one) and never builds a URL.

/** What the API offers today; the page hides the controls for what it does not. */
export const CAPABILITIES = Object.freeze({ claims: true, serverEvidenceVerify: true });

/** A case can hold many reports; the page reads the records of this many (the oldest first). */
const MAX_REPORTS_READ = 20;

export class ApiFailure extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** Reads the subject and roles out of a JWT without verifying it: the API verifies every call. */
export function readToken(token) {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const json = atob(
      parts[1]
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(parts[1].length / 4) * 4, '='),
    );
    const claims = JSON.parse(json);
    if (typeof claims.sub !== 'string' || claims.sub === '') return null;
    const roles = Array.isArray(claims.roles) ? claims.roles : typeof claims.role === 'string' ? [claims.role] : [];
    return { sub: claims.sub, roles: roles.map(String), expiresAt: typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : null };
  } catch {
    return null;
  }
}

/** The console's own settings (public, no data): where a report's history is read. */
export async function consoleSettings() {
  const response = await fetch('/console/settings.json', { cache: 'no-store' }).catch(() => null);
  if (!response?.ok) throw new ApiFailure(response?.status ?? 0, 'SETTINGS_UNAVAILABLE', 'The console could not load its settings. Reload the page.');
  return response.json();
}

export class ApiClient {
  /** @param {string} token a bearer token with the moderator or support role; the API takes the staff id from it */
  constructor(token) {
    this.token = token.trim();
  }

  async request(method, path, body) {
    const headers = { accept: 'application/json', authorization: `Bearer ${this.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response;
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    } catch {
      throw new ApiFailure(0, 'NETWORK_ERROR', 'The API did not answer. Check the connection and try again.');
    }
    const payload = await response.json().catch(() => null);
    if (!response.ok) {
      throw new ApiFailure(response.status, payload?.code ?? `HTTP_${response.status}`, payload?.message ?? response.statusText);
    }
    return payload;
  }

  /** R1, R10: reason codes with labels and their policy categories. */
  reasons() {
    return this.request('GET', '/v1/report-reasons');
  }

  /** R10: the policies a decision can name. */
  policies() {
    return this.request('GET', '/v1/policy-categories');
  }

  /** One page of the case queue: priority from the reasons, then oldest first; others' claimed cases are left out. */
  async queue(cursor, { targetKind, reason } = {}) {
    const query = new URLSearchParams({ limit: '20' });
    if (cursor) query.set('cursor', cursor);
    if (targetKind) query.set('targetKind', targetKind);
    if (reason) query.set('reason', reason);
    const page = await this.request('GET', `/v1/moderation/queue?${query}`);
    return { cases: page.items.map(caseFromQueueItem), nextCursor: page.nextCursor };
  }

  /** A case (every report on one target) with the reports' own records: reporters, evidence, block, follow-up. */
  async caseDetail(caseId) {
    const view = await this.request('GET', `/v1/moderation/cases/${encodeURIComponent(caseId)}`);
    const reports = await Promise.all(view.reports.slice(0, MAX_REPORTS_READ).map((r) => this.request('GET', `/v1/reports/${encodeURIComponent(r.reportId)}`)));
    return caseFromView(view, reports);
  }

  /** R6: the stored conversation of one of the case's reports, with its digests. */
  evidence(caseDetail) {
    return this.request('GET', `/v1/reports/${encodeURIComponent(caseDetail.evidenceReportId)}/evidence`);
  }

  /** The server's own verification of the evidence, where the API offers it; null otherwise. */
  async verifyEvidence(caseDetail) {
    if (!CAPABILITIES.serverEvidenceVerify) return null;
    return this.request('GET', `/v1/reports/${encodeURIComponent(caseDetail.evidenceReportId)}/evidence/verify`);
  }

  /**
   * R7, R10: approve (with the policy applied) or reject (optionally as a false report, R3).
   * The case's open reports each receive the decision; the moderator is the token's subject.
   * @param {'approve'|'reject'} action
   */
  decide(caseDetail, action, { policy, note, falseReport }) {
    const body = {};
    if (note) body.note = note;
    if (action === 'approve' && policy) body.policy = policy;
    if (action === 'reject' && falseReport) body.falseReport = true;
    return this.request('POST', `/v1/moderation/cases/${encodeURIComponent(caseDetail.caseId)}/${action}`, body);
  }

  /** Takes the case off the other moderators' queues until the claim expires. */
  claim(caseDetail) {
    return this.request('POST', `/v1/moderation/cases/${encodeURIComponent(caseDetail.caseId)}/claim`, {});
  }

  unclaim(caseDetail) {
    return this.request('POST', `/v1/moderation/cases/${encodeURIComponent(caseDetail.caseId)}/unclaim`, {});
  }

  /**
   * Support: puts this token into the HttpOnly cookie /codec accepts, so the Temporal Web UI
   * decrypts histories in this browser (docs/temporal-ui.md). Answers 204, no body.
   */
  openCodecSession() {
    return this.request('POST', '/codec/session');
  }

  closeCodecSession() {
    return this.request('DELETE', '/codec/session');
  }

  /** R9: the open follow-up tickets, high priority first, then oldest. */
  async openTickets() {
    return (await this.request('GET', '/v1/cs/tickets?status=open&limit=50')).items;
  }

  report(reportId) {
    return this.request('GET', `/v1/reports/${encodeURIComponent(reportId)}`);
  }

  ticket(ticketId) {
    return this.request('GET', `/v1/cs/tickets/${encodeURIComponent(ticketId)}`);
  }

  /** R9: once per ticket; a measure other than none becomes a sanction on the reported account. */
  resolveTicket(ticketId, { measure, days, note }) {
    const body = { measure };
    if (measure === 'restriction') body.days = days;
    if (note) body.note = note;
    return this.request('POST', `/v1/cs/tickets/${encodeURIComponent(ticketId)}/resolve`, body);
  }

  /** R9, R2: an account's sanctions as the account itself reads them (no reporter). */
  restrictions(userId) {
    return this.request('GET', `/v1/users/${encodeURIComponent(userId)}/restrictions`);
  }

  /** CS ends a restriction early; the staff member is the token's subject. */
  liftSanction(sanctionId, note) {
    return this.request('POST', `/v1/cs/sanctions/${encodeURIComponent(sanctionId)}/lift`, note ? { note } : {});
  }

  /** One page of appeals, oldest first; `status` empty lists every appeal. */
  appeals(status, cursor) {
    const query = new URLSearchParams({ limit: '20' });
    if (status) query.set('status', status);
    if (cursor) query.set('cursor', cursor);
    return this.request('GET', `/v1/moderation/appeals?${query}`);
  }

  /** DSA Art. 20: decided by another moderator than the one behind the sanction (the API judges). */
  decideAppeal(appealId, outcome, note) {
    return this.request('POST', `/v1/moderation/appeals/${encodeURIComponent(appealId)}/decide`, note ? { outcome, note } : { outcome });
  }

  /** Staff only: the reported account's reports by outcome, sanctions, appeals and timeline. */
  accountHistory(userId) {
    return this.request('GET', `/v1/moderation/users/${encodeURIComponent(userId)}/history`);
  }

  /** A decided case opens again: later reports on its target queue instead of taking the decision. */
  reopenCase(caseId) {
    return this.request('POST', `/v1/moderation/cases/${encodeURIComponent(caseId)}/reopen`, {});
  }
}

/** The case every report on this target belongs to (the API's `case-<kind>-<targetId>`). */
export function caseIdOf(target) {
  return `case-${target.kind}-${target.id}`;
}

function caseFromQueueItem(item) {
  return {
    caseId: item.caseId,
    target: item.target,
    reasons: item.reasons,
    policyCategories: item.policyCategories,
    reportCount: item.reportCount,
    openedAt: item.oldestReportAt,
    overdue: item.sla.state === 'overdue',
    claimedBy: item.claim?.moderatorId ?? null,
    reopened: item.reopened === true,
  };
}

/** The case's status and follow-up come from its reports: each applies its own block (R7) and ticket (R9). */
function caseFromView(view, reports) {
  const decision = view.lastDecision;
  const decided = decision ? reports.filter((r) => view.reports.some((v) => v.reportId === r.reportId && v.caseDecisionId === decision.decisionId)) : [];
  const hasStep = (report, step) => report.timeline.some((entry) => entry.step === step);
  const blocks = decided.map((r) => r.autoBlock).filter(Boolean);
  const withEvidence = reports.filter((r) => r.evidence);
  const open = withEvidence.find((r) => r.status === 'awaiting_review');
  return {
    caseId: view.caseId,
    status:
      view.state === 'decided' && decision
        ? decision.outcome
        : view.openReportCount > 0
          ? 'awaiting_review'
          : view.reopenedAt
            ? 'reopened'
            : (reports[0]?.status ?? 'received'),
    target: view.target,
    reasons: unique(reports.flatMap((r) => r.reasons)),
    policyCategories: unique(reports.flatMap((r) => r.policyCategories)),
    reportedUserId: view.reportedUserId,
    reports: reports.map((r) => ({
      reportId: r.reportId,
      reporterId: r.reporterId,
      filedAt: r.createdAt,
      details: r.details,
      status: r.status,
      // R3: how this reporter's reports ended, from the case view.
      reporterAccuracy: view.reports.find((v) => v.reportId === r.reportId)?.reporterAccuracy ?? null,
    })),
    reportTotal: view.reports.length,
    evidenceReportId: (open ?? withEvidence[0])?.reportId ?? null,
    hasEvidence: withEvidence.length > 0,
    openedAt: reports
      .map((r) => r.reviewOpenedAt)
      .filter(Boolean)
      .sort()[0],
    overdue: view.sla?.state === 'overdue',
    decision,
    autoBlock:
      decision?.outcome !== 'approved' || decided.length === 0 || blocks.length < decided.length
        ? null
        : blocks.includes('applied')
          ? 'applied'
          : 'already_in_place',
    followUpDone: decided.length > 0 && decided.every((r) => hasStep(r, 'cs_notified')),
    claimedBy: view.claim?.moderatorId ?? null,
    claimExpiresAt: view.claim?.expiresAt ?? null,
    state: view.state,
    reopenedAt: view.reopenedAt,
    accountHistory: view.accountHistory ?? null,
  };
}

function unique(values) {
  return [...new Set(values)];
}
