/**
 * The remote connector protocol's messages, shared by Signet's side ({@code remote} type) and the embeddable server:
 * signing and checking requests and responses, and the outcomes as JSON. Not an API: it may change with any release.
 */
package dev.signet.connector.remote.internal;
