/**
 * ModelScope hub: listing client and the cross-hub link rule. Exposed as the named interface "modelscope" (facade {@link org.weightscope.source.modelscope.ModelScope} and {@link org.weightscope.source.modelscope.ScopeModel}).
 * A named interface because sub-packages of a Modulith module are internal by default.
 */
@org.springframework.modulith.NamedInterface("modelscope")
package org.weightscope.source.modelscope;
