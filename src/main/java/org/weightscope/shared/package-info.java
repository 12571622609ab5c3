/** Tiny kernel shared by every module: value types only. */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel")
package org.weightscope.shared;
