package dev.ltb.rest;

import dev.ltb.api.ProblemType;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the generated document from the code, when the app is built: the {@code Problem} schema's {@code type}
 * lists every {@link ProblemType}, each reusable problem answer narrows it to the types of its status, and every
 * operation behind the authorizer (all but {@code /health}, which needs no credential) answers 401, 403 and 500 as
 * {@link Callers} and {@link ProblemMapper} do; every operation taking an {@code Idempotency-Key} also answers 409
 * ({@code idempotency-key-in-progress} while the key's first request still acts).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemTypesFilter implements OASFilter {

  /** Each reusable problem answer and the HTTP status its problems have. */
  static final Map<String, Integer> STATUS_OF = Map.ofEntries(
      Map.entry(ApiDoc.INVALID_REQUEST, 400), Map.entry(ApiDoc.UNAUTHENTICATED, 401),
      Map.entry(ApiDoc.FORBIDDEN, 403), Map.entry(ApiDoc.NOT_FOUND, 404), Map.entry(ApiDoc.NOT_ACCEPTABLE, 406),
      Map.entry(ApiDoc.CONFLICT, 409), Map.entry(ApiDoc.PAYLOAD_TOO_LARGE, 413),
      Map.entry(ApiDoc.UNSUPPORTED_MEDIA_TYPE, 415), Map.entry(ApiDoc.UNPROCESSABLE, 422),
      Map.entry(ApiDoc.QUOTA_EXCEEDED, 429), Map.entry(ApiDoc.INTERNAL, 500));

  static final String PUBLIC_PATH = "/health";
  private static final String SCHEMAS = "#/components/schemas/";
  private static final String RESPONSES = "#/components/responses/";
  private static final String PARAMETERS = "#/components/parameters/";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    Components components = openAPI.getComponents();
    Schema problem = components.getSchemas().get(ApiDoc.PROBLEM);
    if (problem == null) throw new IllegalStateException("the Problem schema was not generated");
    problem.getProperties().get("type")
        .description("Stable; clients may switch on it. " + ProblemType.BASE + "<slug>.")
        .enumeration(Arrays.stream(ProblemType.values()).map(t -> (Object) t.uri().toString()).toList());
    STATUS_OF.forEach((name, status) -> narrow(components.getResponses().get(name), status));
    openAPI.getPaths().getPathItems().forEach((path, item) -> {
      if (path.equals(PUBLIC_PATH)) operations(item).forEach(operation -> operation.setSecurity(List.of()));
      else operations(item).forEach(operation -> {
        addCallerProblems(operation);
        if (takesIdempotencyKey(operation)) addProblem(operation, ApiDoc.CONFLICT);
      });
    });
  }

  /** The problem answer's schema: a Problem whose type and status are those of {@code status}. */
  private static void narrow(APIResponse response, int status) {
    if (response == null) throw new IllegalStateException("no reusable response for status " + status);
    List<ProblemType> types = Arrays.stream(ProblemType.values())
        .filter(t -> t.status() == status || (status == 500 && t.status() > 500)).toList();
    Schema narrowed = OASFactory.createSchema()
        .addProperty("type", OASFactory.createSchema()
            .enumeration(types.stream().map(t -> (Object) t.uri().toString()).toList()))
        .addProperty("status", OASFactory.createSchema()
            .enumeration(types.stream().map(t -> (Object) t.status()).distinct().toList()));
    MediaType content = response.getContent().getMediaType(ApiDoc.PROBLEM_JSON);
    content.setSchema(OASFactory.createSchema().allOf(List.of(
        OASFactory.createSchema().ref(SCHEMAS + ApiDoc.PROBLEM), narrowed)));
  }

  private static void addCallerProblems(Operation operation) {
    for (String name : List.of(ApiDoc.UNAUTHENTICATED, ApiDoc.FORBIDDEN, ApiDoc.INTERNAL)) addProblem(operation, name);
  }

  private static void addProblem(Operation operation, String name) {
    APIResponses responses = operation.getResponses();
    String code = String.valueOf(STATUS_OF.get(name));
    if (!responses.hasAPIResponse(code))
      responses.addAPIResponse(code, OASFactory.createAPIResponse().ref(RESPONSES + name));
    responses.setAPIResponses(new TreeMap<>(responses.getAPIResponses())); // in status order, as readers expect
  }

  private static boolean takesIdempotencyKey(Operation operation) {
    return operation.getParameters() != null && operation.getParameters().stream()
        .anyMatch(parameter -> (PARAMETERS + ApiDoc.IDEMPOTENCY_KEY).equals(parameter.getRef()));
  }

  private static List<Operation> operations(PathItem item) {
    return item.getOperations().values().stream().toList();
  }
}
