/**
 * SaaS self sign-up: a user who confirmed their own sign-up gets a tenant of their own, is its owner, and keeps it
 * when the confirmation is delivered again. No AWS types: the user directory and the tenant registry are ports.
 */
package dev.ltb.tenancy.onboarding;
