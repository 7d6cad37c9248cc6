import { util, extensions } from '@aws-appsync/utils';

// Subscriptions: a subscriber only ever receives its own tenant's events. The tenant comes from the
// Lambda authorizer's resolverContext (API keys) or the Cognito token's custom:tenant claim (users).
export function request(ctx) {
  return { payload: null };
}

export function response(ctx) {
  const identity = ctx.identity || {};
  let tenantId = null;
  if (identity.resolverContext && identity.resolverContext.tenantId) {
    tenantId = identity.resolverContext.tenantId;
  } else if (identity.claims && identity.claims['custom:tenant']) {
    tenantId = identity.claims['custom:tenant'];
  }
  if (!tenantId) {
    util.unauthorized();
  }
  const filter = { tenantId: { eq: tenantId } };
  if (ctx.args.runId) {
    filter.runId = { eq: ctx.args.runId };
  }
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter(filter));
  return null;
}
