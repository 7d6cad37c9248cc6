package dev.ltb.dataset;

/** A dataset cannot be used as stored (its bytes are not the version's, or datasets are not available here). */
public final class DatasetException extends RuntimeException {

  public DatasetException(String message) {
    super(message);
  }
}
