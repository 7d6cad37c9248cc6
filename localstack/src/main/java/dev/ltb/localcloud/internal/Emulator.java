package dev.ltb.localcloud.internal;

import java.net.URI;

/** One running emulator: where it listens, and how to stop it. */
public interface Emulator extends AutoCloseable {

  URI endpoint();

  /** Stops the emulator; never throws, so that closing several emulators stops all of them. */
  @Override
  void close();
}
