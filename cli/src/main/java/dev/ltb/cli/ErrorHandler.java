package dev.ltb.cli;

import dev.ltb.engine.ResultStorageException;
import dev.ltb.plugin.PluginException;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.suite.load.SuiteValidationException;
import dev.ltb.cli.remote.ApiCallException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into a message a user can act on and the documented exit code. Stack traces only with
 * {@code LTB_DEBUG=1}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
    var err = commandLine.getErr();
    if (System.getenv("LTB_DEBUG") != null) e.printStackTrace(err);
    return switch (e) {
      case SuiteValidationException invalid -> {
        err.println(invalid.getMessage());
        yield ExitCodes.INVALID_INPUT;
      }
      case ProviderConfigException config -> {
        err.println("Provider configuration error: " + config.getMessage());
        yield ExitCodes.INVALID_INPUT;
      }
      case PluginException plugin -> {
        err.println("Plugin error: " + plugin.getMessage());
        yield ExitCodes.INVALID_INPUT;
      }
      case UserInputException input -> {
        err.println(input.getMessage());
        yield ExitCodes.INVALID_INPUT;
      }
      case ApiCallException call -> {
        err.println(call.getMessage());
        call.fieldErrors().forEach(field -> err.println("  " + field));
        yield call.userError() ? ExitCodes.INVALID_INPUT : ExitCodes.RUN_FAILED;
      }
      case ResultStorageException storage -> {
        err.println("The run stopped: " + storage.getMessage());
        yield ExitCodes.RUN_FAILED;
      }
      default -> {
        err.println("ltb failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        err.println("Run again with LTB_DEBUG=1 for details.");
        yield ExitCodes.RUN_FAILED;
      }
    };
  }
}
