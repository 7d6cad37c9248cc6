package dev.ltb.plugin;

import java.util.List;
import java.util.Optional;

/**
 * Plugins available by name alone, without a path: the ones bundled with ltb. A suite uses them as
 * {@code plugin:<name>} without declaring them.
 */
public interface PluginCatalog {

  /** No plugins at all. */
  PluginCatalog EMPTY =
      new PluginCatalog() {
        @Override
        public Optional<PluginPackage> find(String name) {
          return Optional.empty();
        }

        @Override
        public List<String> names() {
          return List.of();
        }
      };

  Optional<PluginPackage> find(String name);

  /** Every name {@link #find} knows, sorted. */
  List<String> names();
}
