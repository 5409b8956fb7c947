/**
 * Legacy sign-in connectors as stored in PostgreSQL: what an operator declared (type, names, department, settings with
 * the secret ones sealed, migration mode, enabled), from the connectors file or the admin API. identity-server opens
 * them; the admin API manages them. This package knows nothing of connector types: callers split settings into secret
 * and plain by the type's own description.
 */
package dev.signet.core.connectors;
