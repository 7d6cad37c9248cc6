package dev.ltb.localcloud.internal;

import dev.ltb.localcloud.LocalCloud;
import java.net.URI;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S3Proxy (the S3 API) inside this JVM with a transient in-memory store, on 127.0.0.1 and a free port. It
 * checks AWS signatures (V2 or V4) against the local cloud's static credentials. Clients reach it path-style:
 * the AWS SDKs choose path-style on their own for an IP-address endpoint.
 */
public final class S3ProxyEmulator implements Emulator {

  private static final Logger LOG = LoggerFactory.getLogger(S3ProxyEmulator.class);

  private final S3Proxy proxy;
  private final URI endpoint;

  private S3ProxyEmulator(S3Proxy proxy, URI endpoint) {
    this.proxy = proxy;
    this.endpoint = endpoint;
  }

  public static S3ProxyEmulator start() {
    try {
      S3Proxy proxy =
          S3Proxy.builder()
              .blobStore(new TransientNio2BlobStore())
              .endpoint(URI.create("http://" + LocalCloud.HOST + ":0"))
              .awsAuthentication(
                  AuthenticationType.AWS_V2_OR_V4, LocalCloud.ACCESS_KEY_ID, LocalCloud.SECRET_ACCESS_KEY)
              .ignoreUnknownHeaders(true)
              .build();
      proxy.start();
      waitUntilStarted(proxy);
      URI endpoint = URI.create("http://" + LocalCloud.HOST + ":" + proxy.getPort());
      LOG.info("S3 (S3Proxy) listening at {}", endpoint);
      return new S3ProxyEmulator(proxy, endpoint);
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy could not start on 127.0.0.1", e);
    }
  }

  private static void waitUntilStarted(S3Proxy proxy) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("S3Proxy did not start within 10 s (state " + proxy.getState() + ")");
      }
      Thread.sleep(10);
    }
  }

  @Override
  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      LOG.warn("S3Proxy did not stop cleanly", e);
    }
  }
}
