package dev.signet.core.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who did what an audit entry records.
 *
 * @param type what kind of actor
 * @param id   the operator's subject, the citizen's account id or the system component; empty only for
 *             {@link ActorType#ANONYMOUS}
 */
public record Actor(ActorType type, Optional<String> id) {

    public Actor {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        id = id.map(value -> AuditText.clean(value, 255));
        if (type == ActorType.ANONYMOUS && id.isPresent()) {
            throw new IllegalArgumentException("An anonymous actor has no id");
        }
        if (type != ActorType.ANONYMOUS && id.filter(value -> !value.isBlank()).isEmpty()) {
            throw new IllegalArgumentException("A " + type + " actor needs an id");
        }
    }

    public static Actor operator(String subject) {
        return new Actor(ActorType.OPERATOR, Optional.of(subject));
    }

    public static Actor citizen(UUID accountId) {
        return new Actor(ActorType.CITIZEN, Optional.of(accountId.toString()));
    }

    public static Actor anonymous() {
        return new Actor(ActorType.ANONYMOUS, Optional.empty());
    }

    public static Actor system(String component) {
        return new Actor(ActorType.SYSTEM, Optional.of(component));
    }
}
