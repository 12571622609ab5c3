/**
 * Tiny kernel shared by every module: the few things every module must do the same way — the Jackson 2
 * configuration ({@code Json}), the CSV writer and reader, the citation text and the one {@code Clock}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel")
package org.weightscope.shared;
