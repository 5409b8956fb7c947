package dev.signet.core.account;

/** Interventions an operator (or an automatic protection) can place on an account, as GOV.UK One Login has them. */
public enum AccountStatus {
    ACTIVE,
    SUSPENDED,
    BLOCKED,
    PASSWORD_RESET_REQUIRED
}
