/**
 * The {@code legacy-database} connector type: checks citizens' old passwords against a table (or a query) in a
 * legacy SQL database over JDBC, and looks users up and lists them for migration. Hash formats live in
 * {@link dev.signet.connector.legacydb.hash}.
 */
package dev.signet.connector.legacydb;
