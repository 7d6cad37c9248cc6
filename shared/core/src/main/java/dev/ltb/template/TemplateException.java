package dev.ltb.template;

/** A prompt or value template that does not render. */
public class TemplateException extends RuntimeException {
  public TemplateException(String message) {
    super(message);
  }
}
