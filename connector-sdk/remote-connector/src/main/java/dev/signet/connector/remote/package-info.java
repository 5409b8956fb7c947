/**
 * The {@code remote} connector type: Signet's side of the remote connector protocol. A department runs its connector
 * in its own process (in any language; {@code signet-remote-connector-server} runs any Java connector), and Signet
 * calls it over HTTPS with requests it signs, accepting only answers the connector signs for that very request. See
 * {@code docs/remote-connector-protocol.md} and {@code connector-sdk/remote-connector-protocol/openapi.yaml}.
 */
package dev.signet.connector.remote;
