package dev.signet.admin.connectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a reachability test found.
 *
 * @param connector the connector's id
 * @param result    {@code reachable} or {@code unreachable}
 * @param checkedBy what the connector was asked: {@code lookup} (a user who does not exist, after the connector's own
 *                  sign-in to the old system, such as an LDAP service bind) or {@code redirect} (preparing a sign-in at
 *                  the upstream provider, which reads its metadata); {@code open} when the stored settings no longer
 *                  open a connector, {@code none} when the type offers nothing to ask
 * @param reason    why it is unreachable, as the connector words it for operators (never a secret or personal data)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReachabilityResult(String connector, String result, @JsonProperty("checked_by") String checkedBy,
        String reason) {

    static ReachabilityResult reachable(String connector, String checkedBy) {
        return new ReachabilityResult(connector, "reachable", checkedBy, null);
    }

    static ReachabilityResult unreachable(String connector, String checkedBy, String reason) {
        return new ReachabilityResult(connector, "unreachable", checkedBy, reason);
    }
}
