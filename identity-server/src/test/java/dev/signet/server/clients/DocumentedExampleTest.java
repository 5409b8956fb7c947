package dev.signet.server.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.client.RelyingParty;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

/** The full example in docs/relying-parties.md must be a file Signet accepts. */
class DocumentedExampleTest {

    @Test
    void fullExampleInTheDocumentationLoads() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "relying-parties.md"), StandardCharsets.UTF_8);
        String section = doc.substring(doc.indexOf("## A full example"));
        String yaml = section.substring(section.indexOf("```yaml") + "```yaml".length(), section.indexOf("```\n",
                section.indexOf("```yaml") + 7));

        List<RelyingParty> parsed = new RelyingPartyFileLoader().load(new ByteArrayResource(
                yaml.getBytes(StandardCharsets.UTF_8), "docs example"));

        assertThat(parsed).extracting(RelyingParty::clientId)
                .containsExactly("dept-tax-web", "dept-parking-app", "dept-benefits-backend");
    }
}
