package dev.ltb.functions.wire;

import java.util.Map;

/** An API Gateway REST proxy integration answer. */
public record ProxyResponse(int statusCode, Map<String, String> headers, String body, boolean isBase64Encoded) {}
