package dev.ltb.dataset;

/** A ready dataset version with its file's text, its hash checked. */
public record Dataset(DatasetVersion version, String text) {}
