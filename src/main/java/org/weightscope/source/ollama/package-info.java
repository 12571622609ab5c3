/**
 * Ollama hub: library search page parser. Exposed as the named interface "ollama" (facade {@link org.weightscope.source.ollama.Ollama} and its records).
 * A named interface because sub-packages of a Modulith module are internal by default.
 */
@org.springframework.modulith.NamedInterface("ollama")
package org.weightscope.source.ollama;
