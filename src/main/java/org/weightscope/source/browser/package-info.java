/**
 * What every hub crawler shares: the validated source definition (crawlers/*.yaml), polite HTTP (User-Agent, rate limit, retries, robots.txt), human-formatted counts and headless Chromium. Exposed as the named interface "fetch" so ingest can build the hub facades.
 * A named interface because sub-packages of a Modulith module are internal by default.
 */
@org.springframework.modulith.NamedInterface("fetch")
package org.weightscope.source.browser;
