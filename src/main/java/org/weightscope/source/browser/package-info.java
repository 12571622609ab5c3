/**
 * Headless Chromium for hub pages that only exist after their JavaScript ran (OpenRouter's rankings).
 * Internal to the {@code source} module.
 */
package org.weightscope.source.browser;
