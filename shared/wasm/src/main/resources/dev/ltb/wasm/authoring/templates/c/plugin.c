/*
 * {{name}}: an LLM Test Bench evaluator plugin. Use it in a suite as
 *   assert:
 *     - type: plugin:{{name}}
 * The input and output JSON are described in docs/plugins.md. Change evaluate() to your own check.
 */
#include "ltb_plugin.h"

/* The position of the first byte of the output string's content: the host's input begins {"output":" */
#define OUTPUT_START 11

LTB_EXPORT(evaluate) int32_t evaluate(void) {
  size_t length;
  char *input = ltb_input(&length);
  if (!input) return ltb_error("{{name}}: out of memory reading the input");
  int empty = length <= OUTPUT_START || input[OUTPUT_START] == '"';
  ltb_output(empty ? "{\"pass\":false,\"reason\":\"output is empty\"}"
                   : "{\"pass\":true,\"reason\":\"output is not empty\"}");
  return 0;
}
