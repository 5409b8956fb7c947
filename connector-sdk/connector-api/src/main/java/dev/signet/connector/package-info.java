/**
 * The connector SPI: what a legacy sign-in method (a legacy password database, LDAP or Active Directory, an upstream
 * OpenID Connect provider, a remote connector) implements so that Signet can check a citizen's old credentials.
 */
package dev.signet.connector;
