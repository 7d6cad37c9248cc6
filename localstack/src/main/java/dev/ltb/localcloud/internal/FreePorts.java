package dev.ltb.localcloud.internal;

import dev.ltb.localcloud.LocalCloud;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A port free on 127.0.0.1 right now, for servers that must know their port before they bind. */
final class FreePorts {

  private FreePorts() {}

  static int pick() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LocalCloud.HOST))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + LocalCloud.HOST, e);
    }
  }
}
