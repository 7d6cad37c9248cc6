/*
 * strip-think: a transform that removes a reasoning model's <think>...</think> blocks from the output, and the
 * white space around what is left, before the assertions see it.
 *   defaultTest:
 *     transform: plugin:strip-think            # or {type: plugin:strip-think, config: {tag: reasoning}}
 * An opening tag without its closing tag removes everything after it (the model never got to the answer).
 * It works on the output as the host escaped it in the input JSON: the tags hold no character JSON escapes,
 * so cutting at them keeps every escape whole, and the kept text is copied into the output unchanged.
 */
#include "ltb_plugin.h"

static int starts_with(const char *text, const char *end, const char *prefix) {
  for (; *prefix; prefix++, text++)
    if (text >= end || *text != *prefix) return 0;
  return 1;
}

/* Finds needle in [from, end); returns its position or 0. */
static const char *find(const char *from, const char *end, const char *needle) {
  for (const char *p = from; p < end; p++)
    if (starts_with(p, end, needle)) return p;
  return 0;
}

/* Length of the JSON-escaped white space at p: a space, or an escaped \n, \r or \t. */
static int space_at(const char *p, const char *end) {
  if (p < end && *p == ' ') return 1;
  if (p + 1 < end && p[0] == '\\' && (p[1] == 'n' || p[1] == 'r' || p[1] == 't')) return 2;
  return 0;
}

/* True when the character at p is escaped: preceded by an odd run of backslashes. */
static int escaped(const char *start, const char *p) {
  int backslashes = 0;
  for (const char *q = p - 1; q >= start && *q == '\\'; q--) backslashes++;
  return backslashes % 2;
}

static char *append(char *out, const char *from, const char *to) {
  while (from < to) *out++ = *from++;
  return out;
}

static char *append_text(char *out, const char *text) {
  return append(out, text, text + ltb_strlen(text));
}

LTB_EXPORT(transform) int32_t transform(void) {
  size_t length;
  char *input = ltb_input(&length);
  if (!input) return ltb_error("strip-think: out of memory reading the input");
  const char *value = ltb_field(input, "output");
  if (!value || *value != '"') return ltb_error("strip-think: the input has no output string");
  const char *start = value + 1;
  const char *end = ltb_string_end(value);

  const char *tag = ltb_config("tag");
  if (!tag) tag = "think";
  size_t tag_length = ltb_strlen(tag);
  char *open = ltb_malloc(tag_length + 3);
  char *close = ltb_malloc(tag_length + 4);
  if (!open || !close) return ltb_error("strip-think: out of memory");
  open[0] = '<', close[0] = '<', close[1] = '/';
  for (size_t i = 0; i < tag_length; i++) open[1 + i] = tag[i], close[2 + i] = tag[i];
  open[tag_length + 1] = '>', open[tag_length + 2] = 0;
  close[tag_length + 2] = '>', close[tag_length + 3] = 0;
  size_t close_length = tag_length + 3;

  char *kept = ltb_malloc((size_t)(end - start) + 1);
  if (!kept) return ltb_error("strip-think: out of memory");
  char *out = kept;
  const char *p = start;
  while (p < end) {
    const char *block = find(p, end, open);
    if (!block) {
      out = append(out, p, end);
      break;
    }
    out = append(out, p, block);
    const char *closing = find(block, end, close);
    p = closing ? closing + close_length : end;
  }

  const char *from = kept;
  const char *to = out;
  for (int n; (n = space_at(from, to)) > 0;) from += n;
  while (to > from) {
    if (to[-1] == ' ') to--;
    else if (to - from >= 2 && to[-2] == '\\' && (to[-1] == 'n' || to[-1] == 'r' || to[-1] == 't') &&
             !escaped(from, to - 2)) to -= 2;
    else break;
  }

  char *result = ltb_malloc((size_t)(to - from) + 16);
  if (!result) return ltb_error("strip-think: out of memory");
  char *r = append_text(result, "{\"output\":\"");
  r = append(r, from, to);
  r = append_text(r, "\"}");
  ltb_output_bytes(result, (size_t)(r - result));
  return 0;
}
