package dev.ltb.localcloud.internal;

import dev.ltb.localcloud.LocalCloud;
import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** ElasticMQ (the SQS API) inside this JVM, on 127.0.0.1 and a free port. */
public final class ElasticMqEmulator implements Emulator {

  private static final Logger LOG = LoggerFactory.getLogger(ElasticMqEmulator.class);

  private final SQSRestServer server;
  private final URI endpoint;

  private ElasticMqEmulator(SQSRestServer server, URI endpoint) {
    this.server = server;
    this.endpoint = endpoint;
  }

  public static ElasticMqEmulator start() {
    // Queue URLs carry the node address, so the port is chosen first (ElasticMQ cannot report a dynamic one
    // into its URLs); a port taken in the meantime makes the bind fail and the start is tried again.
    RuntimeException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = FreePorts.pick();
      try {
        SQSRestServer server =
            SQSRestServerBuilder.withInterface(LocalCloud.HOST)
                .withPort(port)
                .withServerAddress(new NodeAddress("http", LocalCloud.HOST, port, ""))
                .withAWSRegion(LocalCloud.REGION)
                .withAWSAccountId(LocalCloud.ACCOUNT_ID)
                .start();
        server.waitUntilStarted();
        URI endpoint = URI.create("http://" + LocalCloud.HOST + ":" + port);
        LOG.info("SQS (ElasticMQ) listening at {}", endpoint);
        return new ElasticMqEmulator(server, endpoint);
      } catch (RuntimeException e) {
        last = e;
      }
    }
    throw new IllegalStateException("ElasticMQ could not start on 127.0.0.1", last);
  }

  @Override
  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    try {
      server.stopAndWait();
    } catch (RuntimeException e) {
      LOG.warn("ElasticMQ did not stop cleanly", e);
    }
  }
}
