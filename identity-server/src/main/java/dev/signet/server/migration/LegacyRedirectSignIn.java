package dev.signet.server.migration;

import dev.signet.connector.Authenticated;
import dev.signet.connector.Callback;
import dev.signet.connector.RedirectConnector;
import dev.signet.connector.RedirectRequest;
import dev.signet.connector.RedirectStartOutcome;
import dev.signet.connector.SignInOutcome;
import dev.signet.connector.Unavailable;
import dev.signet.core.audit.Actor;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.links.LinkedIdentity;
import dev.signet.core.links.LinkedIdentityRepository;
import dev.signet.core.account.AccountRepository;
import dev.signet.server.audit.AuditTrail;
import dev.signet.server.config.SignetProperties;
import dev.signet.server.federation.ConnectorCircuits;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Signs the citizen in at an old system that is an upstream provider, through its {@link RedirectConnector} (the
 * {@code oidc} type): starts the sign-in there, and turns the provider's answer at Signet's callback address into the
 * same {@link LegacyCheck} a password check gives, so the journey goes on exactly as after a password.
 *
 * <p>No attempt limit applies here: the upstream provider asks for the credentials and limits its own attempts. No
 * password is seen, so none is carried over: a new account has no Signet password until the citizen sets one.
 */
@Service
class LegacyRedirectSignIn {

    /** Where the upstream provider sends the browser back, under Signet's issuer; the department registers it. */
    static final String CALLBACK_PATH = OldAccountJourney.START + "/callback/";

    private static final Logger log = LoggerFactory.getLogger(LegacyRedirectSignIn.class);

    private final ConnectorChoices connectors;
    private final ConnectorCircuits circuits;
    private final LinkedIdentityRepository links;
    private final AccountRepository accounts;
    private final MigrationMetrics metrics;
    private final AuditTrail audit;
    private final URI issuer;

    LegacyRedirectSignIn(ConnectorChoices connectors, ConnectorCircuits circuits, LinkedIdentityRepository links,
            AccountRepository accounts, MigrationMetrics metrics, AuditTrail audit, SignetProperties signet) {
        this.connectors = Objects.requireNonNull(connectors, "connectors");
        this.circuits = Objects.requireNonNull(circuits, "circuits");
        this.links = Objects.requireNonNull(links, "links");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.issuer = Objects.requireNonNull(signet, "signet").issuer();
    }

    /** Signet's callback address for the connector: {@code <issuer>/sign-in/old-account/callback/<connector id>}. */
    URI callbackUri(String connectorId) {
        return URI.create(issuer + CALLBACK_PATH + connectorId);
    }

    /** Where to send the browser, or {@link Unavailable} (counted and audited like an unanswered password check). */
    RedirectStartOutcome start(String connectorId, String state) {
        RedirectConnector connector = require(connectorId);
        RedirectStartOutcome outcome = circuits.start(connectorId, () -> {
            try {
                return Objects.requireNonNull(connector.start(new RedirectRequest(callbackUri(connectorId), state)),
                        "connector outcome");
            } catch (RuntimeException broken) {
                return thrown(connectorId, broken);
            }
        });
        if (outcome instanceof Unavailable unavailable) {
            unavailable(connectorId, unavailable);
        }
        return outcome;
    }

    /** The upstream provider's answer, after the journey has checked {@code state}. */
    LegacyCheck finish(String connectorId, Map<String, List<String>> parameters, String connectorState) {
        RedirectConnector connector = require(connectorId);
        SignInOutcome outcome = circuits.signIn(connectorId, () -> {
            try {
                return Objects.requireNonNull(connector.handleCallback(
                        new Callback(callbackUri(connectorId), parameters, connectorState)), "connector outcome");
            } catch (RuntimeException broken) {
                return thrown(connectorId, broken);
            }
        });
        if (outcome instanceof Unavailable unavailable) {
            unavailable(connectorId, unavailable);
            return new LegacyCheck.LegacyUnavailable();
        }
        if (!(outcome instanceof Authenticated authenticated)) {
            return refused(connectorId);
        }
        metrics.signedIn(connectorId);
        Optional<LinkedIdentity> link = links.find(connectorId, authenticated.identity().subject());
        audit.record(Actor.anonymous(), AuditEventType.OLD_ACCOUNT_SIGN_IN, link.map(LinkedIdentity::accountId),
                Map.of("connector", connectorId));
        if (link.isPresent() && accounts.findById(link.get().accountId()).isPresent()) {
            return new LegacyCheck.Linked(link.get().accountId());
        }
        return new LegacyCheck.NotLinked(authenticated.identity(), Optional.empty());
    }

    /** The callback did not belong to the sign-in this journey started (a stale or forged {@code state}). */
    LegacyCheck.WrongDetails refused(String connectorId) {
        failed(connectorId, "invalid");
        return new LegacyCheck.WrongDetails();
    }

    private RedirectConnector require(String connectorId) {
        return connectors.redirectConnector(connectorId)
                .orElseThrow(() -> new IllegalArgumentException("No redirect connector " + connectorId));
    }

    private static Unavailable thrown(String connectorId, RuntimeException broken) {
        // A connector must answer with an outcome; one that throws is treated as unreachable. Only the exception's type
        // is logged: its message could carry what the upstream sent about the citizen.
        log.error("Connector {} failed instead of answering: {}", connectorId, broken.getClass().getName());
        return new Unavailable("connector threw " + broken.getClass().getSimpleName());
    }

    private void unavailable(String connectorId, Unavailable unavailable) {
        // The reason is for operators and, by the connector contract, holds no personal data.
        log.warn("Connector {} unavailable: {}", connectorId, unavailable.reason());
        failed(connectorId, "unavailable");
    }

    /** {@code reason} is the metric's, as for passwords: {@code invalid} or {@code unavailable}. */
    private void failed(String connectorId, String reason) {
        metrics.failed(connectorId, reason);
        String outcome = "invalid".equals(reason) ? "invalid_credentials" : reason;
        audit.record(Actor.anonymous(), AuditEventType.SIGN_IN_FAILED, Optional.empty(),
                Map.of("step", "legacy_redirect", "outcome", outcome, "connector", connectorId));
    }
}
