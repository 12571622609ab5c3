/**
 * Tiny kernel shared by every module: value types, and the one bounded-backoff retry loop ({@link
 * org.weightscope.shared.Backoff}) that hub fetches and webhook deliveries both use.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel")
package org.weightscope.shared;
