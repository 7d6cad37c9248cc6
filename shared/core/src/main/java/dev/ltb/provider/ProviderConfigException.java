package dev.ltb.provider;

/** A provider cannot be built from its suite entry: the message says which key and what to do. */
public class ProviderConfigException extends RuntimeException {
  public ProviderConfigException(String message) {
    super(message);
  }
}
