package dev.ltb.functions.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a state machine {@code Catch} puts at its {@code ResultPath}: {@code {"Error": "...", "Cause": "..."}}. */
public record StateError(@JsonProperty("Error") String error, @JsonProperty("Cause") String cause) {}
