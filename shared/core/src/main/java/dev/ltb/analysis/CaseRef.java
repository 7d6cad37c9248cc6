package dev.ltb.analysis;

/**
 * A case as a person recognises it.
 *
 * @param description the test's description
 * @param prompt the prompt label
 * @param caseId the hash of the test's description and vars that matched it across runs
 */
public record CaseRef(String description, String prompt, String caseId) {}
