/**
 * Password hash formats found in legacy systems, each implemented from its specification or its project's documented
 * algorithm, recognised from the stored value, compared in constant time. Entry point:
 * {@link dev.signet.connector.legacydb.hash.LegacyPasswordHashes}.
 */
package dev.signet.connector.legacydb.hash;
