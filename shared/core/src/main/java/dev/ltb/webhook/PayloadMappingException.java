package dev.ltb.webhook;

/** The payload lacks a required value or a value does not fit a variable (HTTP 400, nothing started). */
public final class PayloadMappingException extends RuntimeException {
  public PayloadMappingException(String message) {
    super(message);
  }
}
