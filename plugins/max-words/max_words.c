/*
 * max-words: passes when the output has at most `value` words.
 *   assert:
 *     - type: plugin:max-words
 *       value: 50
 * Score 1 within the limit, limit/words over it; namedScores.words is the count.
 */
#include "ltb_plugin.h"

/* Counts words in a JSON string value (escapes such as \n count as spaces). */
static long count_words(const char *value) {
  long words = 0;
  int in_word = 0;
  for (const char *p = value + 1; *p && *p != '"'; p++) {
    int space = *p == ' ' || *p == '\t';
    if (*p == '\\' && p[1]) {
      p++;
      space = *p == 'n' || *p == 't' || *p == 'r';
    }
    if (space) in_word = 0;
    else if (!in_word) in_word = 1, words++;
  }
  return words;
}

static char *append(char *out, const char *text) {
  while (*text) *out++ = *text++;
  return out;
}

static char *append_long(char *out, long value) {
  char digits[24];
  int n = 0;
  do digits[n++] = (char)('0' + value % 10), value /= 10; while (value > 0);
  while (n > 0) *out++ = digits[--n];
  return out;
}

/* Writes a score in [0, 1] with three decimals. */
static char *append_score(char *out, long thousandths) {
  out = append_long(out, thousandths / 1000);
  *out++ = '.';
  long fraction = thousandths % 1000;
  *out++ = (char)('0' + fraction / 100);
  *out++ = (char)('0' + fraction / 10 % 10);
  *out++ = (char)('0' + fraction % 10);
  return out;
}

LTB_EXPORT(evaluate) int32_t evaluate(void) {
  size_t length;
  char *input = ltb_input(&length);
  if (!input) return ltb_error("max-words: out of memory reading the input");
  const char *output = ltb_field(input, "output");
  const char *expected = ltb_field(input, "expected");
  if (!output || *output != '"') return ltb_error("max-words: the input has no output string");
  if (!expected || *expected < '0' || *expected > '9')
    return ltb_error("max-words needs a value: the largest number of words allowed, e.g. value: 50");
  long limit = 0;
  for (const char *p = expected; *p >= '0' && *p <= '9'; p++) limit = limit * 10 + (*p - '0');
  long words = count_words(output);
  int pass = words <= limit;
  long thousandths = pass ? 1000 : (limit * 1000) / words;

  char result[256];
  char *out = result;
  out = append(out, pass ? "{\"pass\":true,\"score\":" : "{\"pass\":false,\"score\":");
  out = append_score(out, thousandths);
  out = append(out, ",\"reason\":\"output has ");
  out = append_long(out, words);
  out = append(out, words == 1 ? " word (limit " : " words (limit ");
  out = append_long(out, limit);
  out = append(out, ")\",\"namedScores\":{\"words\":");
  out = append_long(out, words);
  out = append(out, "}}");
  *out = 0;
  ltb_output(result);
  return 0;
}
