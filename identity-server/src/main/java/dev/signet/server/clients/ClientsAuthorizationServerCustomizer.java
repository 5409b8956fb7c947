package dev.signet.server.clients;

import dev.signet.server.oidc.AuthorizationServerCustomizer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.web.authentication.JwtClientAssertionAuthenticationConverter;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AuthorizationCodeRequestAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * The relying-party feature's part of the authorization server: client authentication (SHA-256 client secrets,
 * {@code private_key_jwt} with inline keys or JWKS URI and {@code jti} replay refusal), the authorization endpoint
 * (request objects, PKCE S256, nonce, vtr, {@code iss} in responses, plain-language page when the service cannot be
 * answered) and the discovery documents.
 */
final class ClientsAuthorizationServerCustomizer implements AuthorizationServerCustomizer {

    static final List<String> TOKEN_ENDPOINT_AUTH_METHODS =
            List.of("private_key_jwt", "client_secret_basic", "client_secret_post", "none");
    static final List<String> SIGNING_ALGORITHMS = ClientKeys.ALGORITHMS.stream().map(alg -> alg.getName()).sorted()
            .toList();

    private final Sha256ClientSecretEncoder secretEncoder;
    private final ClientAssertionDecoderFactory assertionDecoders;
    private final Function<AuthenticationConverter, AuthenticationConverter> requestObjectConverter;
    private final List<AuthorizationRequestValidator> validators;
    private final AuthorizationResponses responses;
    private final List<ProviderMetadataContributor> metadataContributors;

    ClientsAuthorizationServerCustomizer(Sha256ClientSecretEncoder secretEncoder,
            ClientAssertionDecoderFactory assertionDecoders,
            Function<AuthenticationConverter, AuthenticationConverter> requestObjectConverter,
            List<AuthorizationRequestValidator> validators, AuthorizationResponses responses,
            List<ProviderMetadataContributor> metadataContributors) {
        this.secretEncoder = Objects.requireNonNull(secretEncoder, "secretEncoder");
        this.assertionDecoders = Objects.requireNonNull(assertionDecoders, "assertionDecoders");
        this.requestObjectConverter = Objects.requireNonNull(requestObjectConverter, "requestObjectConverter");
        this.validators = List.copyOf(validators);
        this.responses = Objects.requireNonNull(responses, "responses");
        this.metadataContributors = List.copyOf(metadataContributors);
    }

    @Override
    public void customize(OAuth2AuthorizationServerConfigurer server) {
        server.clientAuthentication(clientAuthentication -> clientAuthentication
                .authenticationConverters(converters -> converters.replaceAll(converter ->
                        converter instanceof JwtClientAssertionAuthenticationConverter
                                ? new ClientIdFromAssertionConverter(converter) : converter))
                .authenticationProviders(
                providers -> providers.forEach(provider -> {
                    if (provider instanceof ClientSecretAuthenticationProvider secrets) {
                        secrets.setPasswordEncoder(secretEncoder);
                    } else if (provider instanceof JwtClientAssertionAuthenticationProvider assertions) {
                        assertions.setJwtDecoderFactory(assertionDecoders);
                    }
                })));
        server.authorizationEndpoint(endpoint -> endpoint
                .authorizationRequestConverters(converters -> converters.replaceAll(converter ->
                        converter instanceof OAuth2AuthorizationCodeRequestAuthenticationConverter
                                ? requestObjectConverter.apply(converter) : converter))
                .authenticationProviders(providers -> providers.forEach(provider -> {
                    if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider codeRequests) {
                        codeRequests.setAuthenticationValidator(validator());
                    }
                }))
                .authorizationResponseHandler(responses)
                .errorResponseHandler(responses));
        server.oidc(oidc -> oidc.providerConfigurationEndpoint(configuration -> configuration
                .providerConfigurationCustomizer(builder -> builder.claims(this::describe))));
        server.authorizationServerMetadataEndpoint(metadata -> metadata
                .authorizationServerMetadataCustomizer(builder -> builder.claims(this::describe)));
    }

    /** The framework's checks (redirect URI, scope, grant type, prompt) first, then Signet's and other features'. */
    private Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> validator() {
        Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> composite =
                new OAuth2AuthorizationCodeRequestAuthenticationValidator();
        for (AuthorizationRequestValidator validator : validators) {
            composite = composite.andThen(validator::validate);
        }
        return composite;
    }

    /** Says exactly what is supported, no more. */
    private void describe(Map<String, Object> metadata) {
        metadata.put("token_endpoint_auth_methods_supported", TOKEN_ENDPOINT_AUTH_METHODS);
        metadata.put("token_endpoint_auth_signing_alg_values_supported", SIGNING_ALGORITHMS);
        List<String> confidentialMethods = TOKEN_ENDPOINT_AUTH_METHODS.subList(0, 3);
        if (metadata.containsKey("introspection_endpoint")) {
            metadata.put("introspection_endpoint_auth_methods_supported", confidentialMethods);
        }
        if (metadata.containsKey("revocation_endpoint")) {
            metadata.put("revocation_endpoint_auth_methods_supported", confidentialMethods);
        }
        // Only the grants a relying party can be registered for (token exchange is not offered).
        metadata.put("grant_types_supported", RelyingPartyFileLoader.GRANT_TYPES.stream().sorted().toList());
        // No client can authenticate with mutual TLS, so no access token is certificate-bound.
        metadata.remove("tls_client_certificate_bound_access_tokens");
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("request_parameter_supported", true);
        metadata.put("request_uri_parameter_supported", false);
        metadata.put("request_object_signing_alg_values_supported", SIGNING_ALGORITHMS);
        metadata.put("authorization_response_iss_parameter_supported", true);
        metadata.put("claims_parameter_supported", false);
        metadata.put("ui_locales_supported", List.of("en", "cy"));
        if (metadata.containsKey("subject_types_supported")) {
            metadata.put("subject_types_supported", List.of("pairwise", "public"));
            metadata.put("id_token_signing_alg_values_supported", List.of("ES256", "RS256"));
            metadata.put("claims_supported", List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce",
                    "sid", "at_hash", "vot", "vtm", "email", "email_verified"));
        }
        metadataContributors.forEach(contributor -> contributor.contribute(metadata));
    }
}
