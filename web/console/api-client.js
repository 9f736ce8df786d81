// The console's only contact with the API. The rest of the page works with "cases" (what a
// moderator decides on) and never builds a URL, so moving from one report per case to cases
// grouped by content changes this file alone.

/** What the API offers today; the page hides the controls for what it does not. */
export const CAPABILITIES = Object.freeze({ claims: false, serverEvidenceVerify: true });

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
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(parts[1].length / 4) * 4, '='));
    const claims = JSON.parse(json);
    if (typeof claims.sub !== 'string' || claims.sub === '') return null;
    const roles = Array.isArray(claims.roles) ? claims.roles : typeof claims.role === 'string' ? [claims.role] : [];
    return { sub: claims.sub, roles: roles.map(String) };
  } catch {
    return null;
  }
}

export class ApiClient {
  /** @param {string} token a bearer token with the moderator role; the API takes the moderator id from it */
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

  /** One page of cases awaiting review, oldest first. */
  async queue(cursor) {
    const query = new URLSearchParams({ limit: '20' });
    if (cursor) query.set('cursor', cursor);
    const page = await this.request('GET', `/v1/moderation/queue?${query}`);
    return { cases: page.items.map(caseFromQueueItem), nextCursor: page.nextCursor };
  }

  /** A case with its reports, decision and timeline. */
  async caseDetail(caseId) {
    return caseFromReport(await this.request('GET', `/v1/reports/${encodeURIComponent(caseId)}`));
  }

  /** R6: the stored conversation with its digests. */
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
   * @param {'approve'|'reject'} action
   */
  decide(caseDetail, action, { policy, note, falseReport }) {
    const body = {};
    if (note) body.note = note;
    if (action === 'approve' && policy) body.policy = policy;
    if (action === 'reject' && falseReport) body.falseReport = true;
    return this.request('POST', `/v1/reports/${encodeURIComponent(caseDetail.caseId)}/${action}`, body);
  }

  claim(caseDetail) {
    if (!CAPABILITIES.claims) throw new ApiFailure(0, 'NOT_SUPPORTED', 'This API does not offer claims yet.');
    return this.request('POST', `/v1/moderation/cases/${encodeURIComponent(caseDetail.caseId)}/claim`, {});
  }
}

// Today a case is one report: the queue lists reports and decisions go to one report.
function caseFromQueueItem(item) {
  return {
    caseId: item.reportId,
    target: item.target,
    reasons: item.reasons,
    policyCategories: item.policyCategories,
    reportCount: 1,
    openedAt: item.reviewOpenedAt,
    overdue: item.reviewOverdue,
    claimedBy: null,
  };
}

function caseFromReport(report) {
  const steps = new Set(report.timeline.map((entry) => entry.step));
  return {
    caseId: report.reportId,
    status: report.status,
    target: report.target,
    reasons: report.reasons,
    policyCategories: report.policyCategories,
    reportedUserId: report.reportedUserId,
    reports: [{ reportId: report.reportId, reporterId: report.reporterId, filedAt: report.createdAt, details: report.details, status: report.status }],
    evidenceReportId: report.reportId,
    hasEvidence: Boolean(report.evidence),
    openedAt: report.reviewOpenedAt,
    overdue: Boolean(report.reviewOverdueAt),
    decision: report.decision ?? null,
    autoBlock: report.autoBlock ?? null,
    followUpDone: steps.has('cs_notified'),
    timeline: report.timeline,
    claimedBy: null,
  };
}
