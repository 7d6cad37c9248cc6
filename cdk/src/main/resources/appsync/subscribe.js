import { util, extensions } from '@aws-appsync/utils';

// Subscriptions (onRunProgress, onRunCompleted): a subscriber only ever receives its own tenant's events.
// The publish mutations' payload carries tenantId; this resolver sets an enhanced subscription filter on it,
// taken from the subscriber's identity, never from its arguments:
//   - a tenant API key (Lambda authorizer): resolverContext.tenantId, and a role in resolverContext.role;
//   - a Cognito user: the custom:tenant claim, and a group naming a user role (owner, admin, member, viewer).
// Every role may read results (docs/security.md), so a tenant and a role are all a subscriber needs.
// A runId argument narrows the filter to that run.
const USER_ROLES = ['owner', 'admin', 'member', 'viewer'];
const ROLES = USER_ROLES.concat(['service']);

export function request(ctx) {
  return { payload: null };
}

export function response(ctx) {
  const identity = ctx.identity || {};
  let tenantId = null;
  let role = null;
  if (identity.resolverContext) {
    tenantId = identity.resolverContext.tenantId;
    role = identity.resolverContext.role;
  } else if (identity.claims) {
    tenantId = identity.claims['custom:tenant'];
    const groups = identity.claims['cognito:groups'] || identity.groups || [];
    role = USER_ROLES.find((r) => groups.indexOf(r) >= 0) || null;
  }
  if (!tenantId || !role || ROLES.indexOf(role) < 0) {
    util.unauthorized();
  }
  const filter = { tenantId: { eq: tenantId } };
  if (ctx.args.runId) {
    filter.runId = { eq: ctx.args.runId };
  }
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter(filter));
  return null;
}
