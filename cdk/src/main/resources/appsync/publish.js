// Publish mutations (IAM only, called by the progress publisher): a local resolver that returns its
// arguments, so AppSync hands them to the subscriptions listening on this mutation.
export function request(ctx) {
  return { payload: ctx.args };
}

export function response(ctx) {
  return ctx.result;
}
