package dev.signet.connector.remote.server;

import dev.signet.connector.remote.internal.SigningKey;

/** Key pairs for one test class: Signet's, the connector's, and an intruder's that nobody trusts. */
final class TestKeys {

    final String signetPrivate = SigningKey.generate("signet-1");
    final String signetPublic = SigningKey.parse(signetPrivate).publicJwkSetJson();
    final String connectorPrivate = SigningKey.generate("connector-1");
    final String connectorPublic = SigningKey.parse(connectorPrivate).publicJwkSetJson();
    /** Claims the kids of the real keys, so only the signature can tell it apart. */
    final String intruderAsSignet = SigningKey.generate("signet-1");
    final String intruderAsConnector = SigningKey.generate("connector-1");
}
