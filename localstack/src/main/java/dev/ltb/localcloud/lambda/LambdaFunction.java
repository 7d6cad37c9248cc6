package dev.ltb.localcloud.lambda;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * A function behind the local Lambda Invoke endpoint: the invocation's JSON payload in, the JSON result out, like
 * the Lambda runtime's contract. A thrown exception is a function error: the endpoint answers it the way Lambda
 * does ({@code X-Amz-Function-Error: Unhandled} and {@code {"errorMessage", "errorType", "stackTrace"}} with the
 * exception's class name as {@code errorType}), so a Step Functions {@code Catch} sees that type.
 *
 * <p>Adapters for the real handler classes are in {@link LambdaFunctions}.
 */
@FunctionalInterface
public interface LambdaFunction {

  byte[] invoke(byte[] payload, Context context) throws Exception;
}
