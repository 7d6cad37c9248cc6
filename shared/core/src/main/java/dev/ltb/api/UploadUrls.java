package dev.ltb.api;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Port: a URL a client may {@code PUT} one file to, without passing it through the API (S3 presigned URLs in the
 * cloud). Large files then never hit the API's request size limit.
 */
public interface UploadUrls {

  /**
   * @param key the blob key the file will be stored under
   * @param contentType the {@code Content-Type} the client must send
   * @param validFor how long the URL works
   */
  Upload forPut(String key, String contentType, Duration validFor);

  /** Where and how to upload: the client sends exactly these headers with its {@code PUT}. */
  record Upload(URI url, Map<String, String> headers) {

    public Upload {
      headers = Map.copyOf(headers);
    }
  }
}
