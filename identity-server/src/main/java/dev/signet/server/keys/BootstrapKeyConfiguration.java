package dev.signet.server.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** SCAFFOLD, replaced by signing keys stored encrypted in PostgreSQL and rotated on a schedule. */
@Configuration(proxyBeanMethods = false)
class BootstrapKeyConfiguration {

    @Bean
    JWKSource<SecurityContext> jwkSource() throws JOSEException {
        return new ImmutableJWKSet<>(new JWKSet(new ECKeyGenerator(Curve.P_256).keyID("scaffold").generate()));
    }
}
