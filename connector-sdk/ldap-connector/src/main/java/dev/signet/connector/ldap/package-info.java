/**
 * The {@code ldap} connector type: checks citizens' old passwords against an LDAP directory or Active Directory by
 * search then bind (over ldap://, LDAPS or StartTLS), maps directory attributes to a legacy identity, and looks users
 * up and lists them for migration.
 */
package dev.signet.connector.ldap;
