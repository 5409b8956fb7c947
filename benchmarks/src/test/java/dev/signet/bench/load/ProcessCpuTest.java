package dev.signet.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void parsesStatWhoseCommandHasSpacesAndParentheses() {
        String line = "4242 (java (main) x) S 17 4242 17 0 -1 4194560 100 0 0 0 1234 567 89 10 20 0 40 0 1000 0 0";

        ProcessCpu.Stat stat = ProcessCpu.Stat.parse(line);

        assertThat(stat).isEqualTo(new ProcessCpu.Stat(17, 1234, 567, 89, 10));
    }

    @Test
    void thisProcessHasUsedSomeCpuAndItOnlyGrows() {
        ProcessCpu cpu = ProcessCpu.forThisMachine();
        long pid = ProcessHandle.current().pid();
        double before = cpu.seconds(pid);
        long sink = 0;
        for (int i = 0; i < 50_000_000; i++) {
            sink += i % 7;
        }

        assertThat(cpu.seconds(pid)).isGreaterThan(0).isGreaterThanOrEqualTo(before);
        assertThat(sink).isPositive();
    }

    @Test
    void aProcessThatDoesNotExistIsAnError() {
        assertThatIllegalStateException().isThrownBy(() -> ProcessCpu.forThisMachine().seconds(Integer.MAX_VALUE))
                .withMessageContaining(Integer.toString(Integer.MAX_VALUE));
    }
}
