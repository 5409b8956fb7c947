package dev.signet.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CursorsTest {

    @Test
    void aCursorRoundTripsAndIsOpaque() {
        String cursor = Cursors.encode(12345);

        assertThat(cursor).doesNotContain("12345");
        assertThat(Cursors.decode(cursor)).contains(12345L);
        assertThat(Cursors.decode(null)).isEmpty();
    }

    @Test
    void aCursorTheApiDidNotGiveIsAValidationProblem() {
        for (String bad : new String[] {"12345", "!!!", Cursors.encode(5).substring(1), "czEuLTE"}) {
            assertThatThrownBy(() -> Cursors.decode(bad)).as(bad).isInstanceOf(InvalidRequestException.class);
        }
    }
}
