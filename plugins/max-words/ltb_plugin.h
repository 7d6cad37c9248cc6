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
LTB_IMPORT(load_u8) uint8_t ltb_load_u8(ltb_offset offset);
LTB_IMPORT(output_set) void ltb_output_set(ltb_offset offset, uint64_t length);
LTB_IMPORT(error_set) void ltb_error_set(ltb_offset offset);
LTB_IMPORT(config_get) ltb_offset ltb_config_get(ltb_offset key); /* needs capability "config" */
LTB_IMPORT(log_info) void ltb_log_info(ltb_offset message);      /* needs capability "log" */

/* A bump allocator over the module's own memory. The host may reuse an instance for many calls, so
 * ltb_input() empties the heap: call it first in the entry point, and keep no pointer from an earlier call. */
extern unsigned char __heap_base;
static uintptr_t ltb_heap_top = 0;

static void *ltb_malloc(size_t size) {
  if (ltb_heap_top == 0) ltb_heap_top = (uintptr_t)&__heap_base;
  uintptr_t start = (ltb_heap_top + 7) & ~(uintptr_t)7;
  uintptr_t end = start + size;
  size_t have = __builtin_wasm_memory_size(0) * 65536;
  if (end > have && __builtin_wasm_memory_grow(0, (end - have + 65535) / 65536) == (size_t)-1) return 0;
  ltb_heap_top = end;
  return (void *)start;
}

static size_t ltb_strlen(const char *text) {
  size_t length = 0;
  while (text[length]) length++;
  return length;
}

/* Copies bytes into a new block of Extism memory. */
static ltb_offset ltb_to_host(const char *bytes, size_t length) {
  ltb_offset offset = ltb_alloc(length);
  for (size_t i = 0; i < length; i++) ltb_store_u8(offset + i, (uint8_t)bytes[i]);
  return offset;
}

/* The whole input, NUL-terminated, in the module's memory. */
static char *ltb_input(size_t *length) {
  ltb_heap_top = 0;
  *length = (size_t)ltb_input_length();
  char *text = ltb_malloc(*length + 1);
  if (!text) return 0;
  for (size_t i = 0; i < *length; i++) text[i] = (char)ltb_input_load_u8(i);
  text[*length] = 0;
  return text;
}

static void ltb_output(const char *text) {
  size_t length = ltb_strlen(text);
  ltb_output_set(ltb_to_host(text, length), length);
}

/* Reports a failure: the call fails with this message. Return its result from the entry point. */
static int32_t ltb_error(const char *message) {
  ltb_error_set(ltb_to_host(message, ltb_strlen(message)));
  return 1;
}

#endif
