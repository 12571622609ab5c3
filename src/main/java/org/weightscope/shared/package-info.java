/**
 * Tiny kernel shared by every module: value types, and the few things every module must do the same way —
 * the Jackson 2 configuration ({@code Json}), the CSV writer and reader, the citation text, the one
 * {@code Clock}, and the one bounded-backoff retry loop ({@link org.weightscope.shared.Backoff}) that hub
 * fetches and webhook deliveries both use.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel")
package org.weightscope.shared;
