package dev.signet.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.client.AuthorizationOptions;
import dev.signet.client.SignIn;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension resets the simulator before each test: what one test configures does not reach the next. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.TestClassOrder(org.junit.jupiter.api.ClassOrderer.OrderAnnotation.class)
class ExtensionResetTest {

    @RegisterExtension
    static SignetSimulatorExtension signet = SignetSimulatorExtension.builder()
            .user(SignInWithRelyingPartyClientTest.MARGARET)
            .client(SignInWithRelyingPartyClientTest.client().build())
            .build();

    static String issuerOfFirstTest;

    @Test
    @Order(1)
    void firstTestLeavesFaultsAndAnotherUserBehind(SignetSimulator simulator) {
        issuerOfFirstTest = signet.issuer();
        simulator.addUser(SimulatedUser.builder("left-behind").build()).signInAs("left-behind").vot("Cl");
        simulator.failNextAuthorization(AuthorizationError.ACCESS_DENIED);
        simulator.spoilNextIdToken(IdTokenFault.BAD_SIGNATURE);
        simulator.failNextTokenRequest(TokenError.INVALID_GRANT);
    }

    @Test
    @Order(2)
    void secondTestStartsFromTheBuiltSettings() {
        assertThat(signet.issuer()).isEqualTo(issuerOfFirstTest); // one simulator for the class

        SignIn signIn = SignInWithRelyingPartyClientTest.signIn(
                SignInWithRelyingPartyClientTest.relyingParty(signet.issuer()).build(), new Browser(),
                AuthorizationOptions.defaults());

        assertThat(signIn.subject()).isEqualTo("citizen-margaret");
        assertThat(signIn.idToken().vectorOfTrust()).contains("Cl.Cm");
    }

    /** A nested class shares the outer class's simulator, and its end does not stop it. */
    @org.junit.jupiter.api.Nested
    @org.junit.jupiter.api.Order(3)
    class Nested {
        @Test
        void usesTheSameSimulator() {
            assertThat(signet.issuer()).isEqualTo(issuerOfFirstTest);
        }
    }

    @org.junit.jupiter.api.Nested
    @org.junit.jupiter.api.Order(4)
    class LaterNested {
        @Test
        void theSimulatorStillRunsAfterTheFirstNestedClass() {
            assertThat(signet.issuer()).isEqualTo(issuerOfFirstTest);
            assertThat(new Browser().get(java.net.URI.create(signet.issuer() + "/.well-known/openid-configuration"))
                    .statusCode()).isEqualTo(200);
        }
    }
}
