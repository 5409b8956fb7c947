package dev.signet.core.audit;

/** Who can be behind an audit entry. */
public enum ActorType {
    /** An operator (or an operator's automation) calling the admin API; the id is the access token's {@code sub}. */
    OPERATOR,
    /** A citizen acting on their own account after proving who they are; the id is the account id. */
    CITIZEN,
    /** Someone not (yet) identified, such as a person typing a wrong password; no id. */
    ANONYMOUS,
    /** Signet itself (a scheduled job, an automatic protection); the id names the component. */
    SYSTEM
}
