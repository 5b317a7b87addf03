package io.llmbench.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmbench.runtime.UserInputException;
import io.llmbench.runtime.spec.AnnotatedSettings;
import io.llmbench.runtime.spec.PublicDatasetSpec;
import org.junit.jupiter.api.Test;

class PublicDatasetOptionsTest {

    private static PublicDatasetSpec resolved(String... args) {
        CliSettings settings = CliParser.parse(args).settings();
        return new SettingsResolver(settings, null, null).resolve("profile", AnnotatedSettings.unset(), false).get(0)
                .input().publicDataset();
    }

    @Test
    void defaultsAreEveryRowInOrderWithTheHubAllowed() {
        PublicDatasetSpec spec = resolved("--public-dataset", "mmstar", "--model", "m");
        assertEquals("sequential", spec.samplingStrategy());
        assertFalse(spec.offline());
        assertEquals(-1, spec.entryLimit(), "without --num-dataset-entries every row is used");
    }

    @Test
    void strategyOfflineAndEntryLimitAreCarriedToTheSpec() {
        PublicDatasetSpec spec = resolved("--public-dataset", "aimo", "--model", "m",
                "--dataset-sampling-strategy", "SHUFFLE", "--offline", "--num-dataset-entries", "7");
        assertEquals("shuffle", spec.samplingStrategy());
        assertTrue(spec.offline());
        assertEquals(7, spec.entryLimit());
    }

    @Test
    void anUnknownStrategyNamesTheKnownOnes() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> CliParser.parse(new String[] {"--dataset-sampling-strategy", "roundrobin"}));
        assertTrue(e.getMessage().contains("[sequential, random, shuffle]"), e.getMessage());
    }
}
