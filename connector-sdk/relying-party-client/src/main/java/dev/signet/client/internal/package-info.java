/**
 * How the relying-party client works inside: HTTP, caches, JOSE. Not an API: anything here may change in any release.
 * Only {@code dev.signet.client} is public.
 */
package dev.signet.client.internal;
