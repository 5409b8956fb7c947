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
}
