package dev.ltb.cli;

import picocli.CommandLine.Command;

/** {@code ltb plugin ...}: write, build, try and check WebAssembly plugins (docs/plugins.md). */
@Command(
    name = "plugin",
    description = "Writes, builds, tries and checks WebAssembly plugins (see docs/plugins.md).",
    mixinStandardHelpOptions = true,
    subcommands = {
      PluginNewCommand.class,
      PluginBuildCommand.class,
      PluginTestCommand.class,
      PluginValidateCommand.class,
      PluginListCommand.class
    })
final class PluginCommand {}
