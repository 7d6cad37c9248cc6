/**
 * The REST resources. Also the parts of the OpenAPI document that many operations share: problem answers, 304/204,
 * the ETag and replay headers, the Idempotency-Key, If-None-Match and paging parameters. Operations point at them by
 * the names in {@link dev.ltb.rest.ApiDoc}; {@link dev.ltb.rest.ProblemTypesFilter} lists in each problem answer the
 * {@code type} values it can carry. (smallrye-openapi reads {@code @OpenAPIDefinition} here or on an Application.)
 */
@OpenAPIDefinition(
    info = @Info(title = "LLM Test Bench REST API", version = "1"),
    servers = @Server(url = "https://{restApiId}.execute-api.{region}.amazonaws.com/{stage}",
        description = "The stack's RestApiUrl output.",
        variables = {
          @ServerVariable(name = "restApiId", defaultValue = "abc123"),
          @ServerVariable(name = "region", defaultValue = "eu-west-1"),
          @ServerVariable(name = "stage", defaultValue = "prod")
        }),
    security = @SecurityRequirement(name = ApiDoc.BEARER),
    tags = {
      @Tag(name = "Runs", description = "Start, follow, compare and delete runs; their results, summary and report."),
      @Tag(name = "Suites", description = "Stored, versioned suites (YAML or JSON), validated when stored."),
      @Tag(name = "Plugins", description = "The tenant's WASM plugins: register, upload, validate."),
      @Tag(name = "Webhooks", description = "Outbound webhooks, signed, with test deliveries."),
      @Tag(name = "Providers", description = "The provider catalogue and write-only provider credentials."),
      @Tag(name = "Account", description = "Usage, audit trail and API keys."),
      @Tag(name = "Health", description = "Liveness, without authentication.")
    },
    components = @Components(
        securitySchemes = @SecurityScheme(securitySchemeName = ApiDoc.BEARER, type = SecuritySchemeType.HTTP,
            scheme = "bearer",
            description = "A tenant API key (ltb_...) or a Cognito ID token, checked by the API's Lambda authorizer."),
        responses = {
          @APIResponse(name = ApiDoc.NOT_MODIFIED,
              description = "Not Modified: the If-None-Match tag is current; no body.",
              headers = @Header(ref = ApiDoc.ETAG)),
          @APIResponse(name = ApiDoc.NO_CONTENT, description = "Done; no body."),
          @APIResponse(name = ApiDoc.INVALID_REQUEST,
              description = "A parameter, header or body field is invalid; errors[] names each one.",
              content = @Content(mediaType = ApiDoc.PROBLEM_JSON, schema = @Schema(implementation = Problem.class))),
          @APIResponse(name = ApiDoc.UNAUTHENTICATED,
              description = "The request did not pass the API's authorizer.",
              content = @Content(mediaType = ApiDoc.PROBLEM_JSON, schema = @Schema(implementation = Problem.class))),
          @APIResponse(name = ApiDoc.FORBIDDEN,
              description = "The caller's role does not allow this operation (see docs/security.md).",
              content = @Content(mediaType = ApiDoc.PROBLEM_JSON, schema = @Schema(implementation = Problem.class))),
          @APIResponse(name = ApiDoc.NOT_FOUND,
              description = "No such resource in the caller's tenant (another tenant's id gets the same answer).",
              content = @Content(mediaType = ApiDoc.PROBLEM_JSON, schema = @Schema(implementation = Problem.class))),
          @APIResponse(name = ApiDoc.NOT_ACCEPTABLE,
              description = "The Accept header names no representation this operation serves.",
              content = @Content(mediaType = ApiDoc.PROBLEM_JSON, schema = @Schema(implementation = Problem.class))),
          @APIResponse(name = ApiDoc.CONFLICT,
              description = "The resource's state does not allow this now.",
              content = @Content(mediaType = ApiDoc.PROBLEM_JSON, schema = @Schema(implementation = Problem.class))),
          @APIResponse(name = ApiDoc.PAYLOAD_TOO_LARGE,
              description = "The request body is over 5 MiB, or a suite over 4 MiB.",
              content = @Content(mediaType = ApiDoc.PROBLEM_JSON, schema = @Schema(implementation = Problem.class))),
          @APIResponse(name = ApiDoc.UNSUPPORTED_MEDIA_TYPE,
              description = "The request body's Content-Type is not one this operation reads.",
              content = @Content(mediaType = ApiDoc.PROBLEM_JSON, schema = @Schema(implementation = Problem.class))),
          @APIResponse(name = ApiDoc.UNPROCESSABLE,
              description = "The suite is invalid (errors[] gives field, line and column), or the Idempotency-Key was "
                  + "used with another body.",
              content = @Content(mediaType = ApiDoc.PROBLEM_JSON, schema = @Schema(implementation = Problem.class))),
          @APIResponse(name = ApiDoc.QUOTA_EXCEEDED,
              description = "The tenant's plan does not allow this run; extensions name plan, limit and limitValue.",
              content = @Content(mediaType = ApiDoc.PROBLEM_JSON, schema = @Schema(implementation = Problem.class))),
          @APIResponse(name = ApiDoc.INTERNAL,
              description = "An unexpected error (logged) or an unavailable backing service; safe to retry later.",
              content = @Content(mediaType = ApiDoc.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
        },
        headers = {
          @Header(name = ApiDoc.ETAG, description = "Strong tag of this representation.",
              schema = @Schema(type = SchemaType.STRING)),
          @Header(name = ApiDoc.LOCATION, required = true,
              description = "The created resource, relative to the request's URI so that it keeps the API's stage: "
                  + "POST /prod/runs answers runs/run-…, which resolves to /prod/runs/run-….",
              schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
          @Header(name = ApiDoc.REPLAYED,
              description = "\"true\" when this answer is the stored answer of an earlier request with the same "
                  + "Idempotency-Key.",
              schema = @Schema(type = SchemaType.STRING, enumeration = "true"))
        },
        parameters = {
          @Parameter(name = ApiDoc.IDEMPOTENCY_KEY, in = ParameterIn.HEADER,
              description = "Makes the POST safe to retry: the same key and body get the first answer "
                  + "again; the same key with another body is a 422 idempotency-key-reused. 1-255 visible ASCII "
                  + "characters, e.g. a UUID.",
              schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255)),
          @Parameter(name = ApiDoc.IF_NONE_MATCH, in = ParameterIn.HEADER,
              description = "An ETag from an earlier answer; 304 Not Modified while the resource still has it.",
              schema = @Schema(type = SchemaType.STRING)),
          @Parameter(name = ApiDoc.CURSOR, in = ParameterIn.QUERY,
              description = "Opaque; the nextCursor of the previous page, passed back unchanged. Absent for the "
                  + "first page.",
              schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 1024)),
          @Parameter(name = ApiDoc.LIMIT, in = ParameterIn.QUERY, description = "Items per page.",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + PageRequest.MAX_LIMIT,
                  defaultValue = "" + PageRequest.DEFAULT_LIMIT))
        }))
package dev.ltb.rest;

import dev.ltb.api.Problem;
import dev.ltb.tenancy.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.servers.ServerVariable;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
