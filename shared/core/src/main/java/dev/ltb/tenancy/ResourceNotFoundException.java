package dev.ltb.tenancy;

/**
 * The resource does not exist for the caller's tenant. Thrown alike when it exists in another tenant, so an
 * answer never tells whether an id is taken elsewhere (the API maps it to 404 with the same text).
 */
public final class ResourceNotFoundException extends RuntimeException {

  private final String type;
  private final String id;

  public ResourceNotFoundException(String type, String id) {
    super(type + " " + Ids.describe(id) + " not found");
    this.type = type;
    this.id = id;
  }

  public String type() {
    return type;
  }

  public String id() {
    return id;
  }
}
