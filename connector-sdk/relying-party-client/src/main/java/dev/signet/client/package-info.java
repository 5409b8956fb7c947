/** The relying-party client: how a department's service signs citizens in with Signet over OpenID Connect. */
package dev.signet.client;
