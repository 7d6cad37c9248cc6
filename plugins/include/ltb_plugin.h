/*
 * The Extism plugin ABI for C, as LLM Test Bench hosts it: imports from "extism:host/env" and a few helpers.
 * No libc needed: build with clang --target=wasm32 -nostdlib (see build.sh). See docs/plugins.md.
 */
#ifndef LTB_PLUGIN_H
#define LTB_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#define LTB_IMPORT(name) __attribute__((import_module("extism:host/env"), import_name(#name)))
#define LTB_EXPORT(name) __attribute__((export_name(#name)))

typedef uint64_t ltb_offset; /* an offset in the host's Extism memory; 0 means none */

LTB_IMPORT(input_length) uint64_t ltb_input_length(void);
LTB_IMPORT(input_load_u8) uint8_t ltb_input_load_u8(uint64_t index);
LTB_IMPORT(input_load_u64) uint64_t ltb_input_load_u64(uint64_t index);
LTB_IMPORT(alloc) ltb_offset ltb_alloc(uint64_t length);
LTB_IMPORT(length) uint64_t ltb_length(ltb_offset offset);
LTB_IMPORT(free) void ltb_free(ltb_offset offset);
LTB_IMPORT(store_u8) void ltb_store_u8(ltb_offset offset, uint8_t value);
LTB_IMPORT(store_u64) void ltb_store_u64(ltb_offset offset, uint64_t value);
LTB_IMPORT(load_u8) uint8_t ltb_load_u8(ltb_offset offset);
LTB_IMPORT(load_u64) uint64_t ltb_load_u64(ltb_offset offset);
LTB_IMPORT(output_set) void ltb_output_set(ltb_offset offset, uint64_t length);
LTB_IMPORT(error_set) void ltb_error_set(ltb_offset offset);
LTB_IMPORT(config_get) ltb_offset ltb_config_get(ltb_offset key); /* needs capability "config" */
LTB_IMPORT(log_info) void ltb_log_info(ltb_offset message);      /* needs capability "log" */

/* A bump allocator over the module's own memory. LLM Test Bench starts every call from the module's state after
 * instantiation; other Extism hosts may reuse an instance as it is, so ltb_input() also empties the heap: call it
 * first in the entry point, and keep no pointer from an earlier call. */
extern unsigned char __heap_base;
static uintptr_t ltb_heap_top = 0;

static inline void *ltb_malloc(size_t size) {
  if (ltb_heap_top == 0) ltb_heap_top = (uintptr_t)&__heap_base;
  uintptr_t start = (ltb_heap_top + 7) & ~(uintptr_t)7;
  uintptr_t end = start + size;
  size_t have = __builtin_wasm_memory_size(0) * 65536;
  if (end > have && __builtin_wasm_memory_grow(0, (end - have + 65535) / 65536) == (size_t)-1) return 0;
  ltb_heap_top = end;
  return (void *)start;
}

static inline size_t ltb_strlen(const char *text) {
  size_t length = 0;
  while (text[length]) length++;
  return length;
}

/* Finds "name": at the top level of a JSON object; returns where its value starts, or 0 when absent. */
static inline const char *ltb_field(const char *json, const char *name) {
  size_t name_length = ltb_strlen(name);
  int depth = 0;
  for (const char *p = json; *p; p++) {
    if (*p == '"') {
      const char *start = p + 1;
      for (p++; *p && *p != '"'; p++)
        if (*p == '\\' && p[1]) p++;
      if (depth == 1 && (size_t)(p - start) == name_length) {
        int same = 1;
        for (size_t i = 0; i < name_length; i++) same &= start[i] == name[i];
        const char *q = p + 1;
        while (*q == ' ') q++;
        if (same && *q == ':') {
          q++;
          while (*q == ' ') q++;
          return q;
        }
      }
      if (!*p) return 0;
    } else if (*p == '{' || *p == '[') {
      depth++;
    } else if (*p == '}' || *p == ']') {
      depth--;
    }
  }
  return 0;
}

/* Where the JSON string that starts (with its quote) at value ends: at its closing quote. */
static inline const char *ltb_string_end(const char *value) {
  const char *p = value + 1;
  while (*p && *p != '"') p += (*p == '\\' && p[1]) ? 2 : 1;
  return p;
}

/* Copies bytes into a new block of Extism memory, eight at a time (each store is a call into the host). */
static inline ltb_offset ltb_to_host(const char *bytes, size_t length) {
  ltb_offset offset = ltb_alloc(length);
  size_t i = 0;
  for (; i + 8 <= length; i += 8) {
    uint64_t word;
    __builtin_memcpy(&word, bytes + i, 8);
    ltb_store_u64(offset + i, word);
  }
  for (; i < length; i++) ltb_store_u8(offset + i, (uint8_t)bytes[i]);
  return offset;
}

/* Copies a block of Extism memory into the module's memory, NUL-terminated; 0 when out of memory. */
static inline char *ltb_from_host(ltb_offset offset, size_t length) {
  char *bytes = ltb_malloc(length + 1);
  if (!bytes) return 0;
  size_t i = 0;
  for (; i + 8 <= length; i += 8) {
    uint64_t word = ltb_load_u64(offset + i);
    __builtin_memcpy(bytes + i, &word, 8);
  }
  for (; i < length; i++) bytes[i] = (char)ltb_load_u8(offset + i);
  bytes[length] = 0;
  return bytes;
}

/* The whole input, NUL-terminated, in the module's memory; 0 when out of memory. Empties the heap first. */
static inline char *ltb_input(size_t *length) {
  ltb_heap_top = 0;
  *length = (size_t)ltb_input_length();
  char *text = ltb_malloc(*length + 1);
  if (!text) return 0;
  size_t i = 0;
  for (; i + 8 <= *length; i += 8) {
    uint64_t word = ltb_input_load_u64(i);
    __builtin_memcpy(text + i, &word, 8);
  }
  for (; i < *length; i++) text[i] = (char)ltb_input_load_u8(i);
  text[*length] = 0;
  return text;
}

/* The value of a top-level key of the use's config (strings as they are, other values as JSON),
 * NUL-terminated, or 0 when the key is absent. Needs capability "config". */
static inline char *ltb_config(const char *key) {
  ltb_offset value = ltb_config_get(ltb_to_host(key, ltb_strlen(key)));
  if (value == 0) return 0;
  return ltb_from_host(value, (size_t)ltb_length(value));
}

static inline void ltb_output_bytes(const char *bytes, size_t length) {
  ltb_output_set(ltb_to_host(bytes, length), length);
}

static inline void ltb_output(const char *text) {
  ltb_output_bytes(text, ltb_strlen(text));
}

/* Reports a failure: the call fails with this message. Return its result from the entry point. */
static inline int32_t ltb_error(const char *message) {
  ltb_error_set(ltb_to_host(message, ltb_strlen(message)));
  return 1;
}

#endif
