package dev.signet.server.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class RelyingPartyFileFailureAnalyzerTest {

    @Test
    void startUpFailureNamesTheFileClientAndFieldAndSaysWhatToDo() {
        RelyingPartyFileException cause = new RelyingPartyFileException("file:/etc/signet/rps.yml",
                List.of("client 'dept-tax', field 'redirect-uris': 'tax' must be an absolute URI"));
        Throwable wrapped = new BeanCreationException("declaredRelyingParties", "failed", cause);

        FailureAnalysis analysis = new RelyingPartyFileFailureAnalyzer().analyze(wrapped);

        assertThat(analysis.getDescription()).contains("file:/etc/signet/rps.yml").contains("signet.clients.file")
                .contains("client 'dept-tax', field 'redirect-uris'");
        assertThat(analysis.getAction()).contains("signet.clients.file");
    }
}
