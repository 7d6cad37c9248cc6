package dev.ltb.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The diagram in docs/architecture.md shows the state machine that runs: its capitalised node ids are state
 * names of statemachines/benchmark-run.asl.json and every state is drawn (lower-case ids are the services
 * around it: queue, worker, tables, buckets).
 */
class ArchitectureDocTest {

  private static final Pattern NODE_ID = Pattern.compile("(?m)(?:^\\s*|-->\\s*|\\.->\\s*|subgraph\\s+|\\|\\s*)([A-Za-z][A-Za-z0-9]*)\\s*[\\[(\\{]");

  @Test
  void theDiagramDrawsExactlyTheStatesOfTheStateMachine() {
    String doc = StateMachineFiles.text(StateMachineFiles.ROOT.resolve("docs/architecture.md"));
    String mermaid = doc.substring(doc.indexOf("```mermaid"), doc.indexOf("```", doc.indexOf("```mermaid") + 3));
    Set<String> drawnStates = new LinkedHashSet<>();
    Matcher node = NODE_ID.matcher(mermaid);
    while (node.find()) if (Character.isUpperCase(node.group(1).charAt(0))) drawnStates.add(node.group(1));

    List<String> states = StateMachineFiles.stateNames(StateMachineFiles.definition(StateMachineFiles.BENCHMARK_RUN));

    assertThat(drawnStates).containsExactlyInAnyOrderElementsOf(states);
  }
}
