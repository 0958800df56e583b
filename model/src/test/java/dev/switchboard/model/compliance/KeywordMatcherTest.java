package dev.switchboard.model.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.model.compliance.KeywordMatcher.Match;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeywordMatcherTest {
    /** The lists of compliance-rules.md §3; the rule pack will supply them. */
    static final KeywordMatcher MATCHER = new KeywordMatcher(
            List.of("STOP", "STOPALL", "STOP ALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPT OUT",
                    "OPTOUT", "OPT-OUT", "REMOVE", "ARRET"),
            List.of("START", "YES", "UNSTOP"),
            List.of("HELP", "INFO"));

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # every keyword of §3
            STOP        | OPT_OUT
            STOPALL     | OPT_OUT
            STOP ALL    | OPT_OUT
            UNSUBSCRIBE | OPT_OUT
            CANCEL      | OPT_OUT
            END         | OPT_OUT
            QUIT        | OPT_OUT
            REVOKE      | OPT_OUT
            OPT OUT     | OPT_OUT
            OPTOUT      | OPT_OUT
            OPT-OUT     | OPT_OUT
            REMOVE      | OPT_OUT
            ARRET       | OPT_OUT
            START       | OPT_IN
            YES         | OPT_IN
            UNSTOP      | OPT_IN
            HELP        | HELP
            INFO        | HELP
            # the variants of acceptance test 5
            stop        | OPT_OUT
            ` Stop. `   | OPT_OUT
            ＳＴＯＰ     | OPT_OUT
            # more variants: case, punctuation, whitespace, invisible characters
            Stop!!!     | OPT_OUT
            `"STOP"`    | OPT_OUT
            `\tstop\n`  | OPT_OUT
            stop all    | OPT_OUT
            `Stop   All`| OPT_OUT
            opt out     | OPT_OUT
            Opt-Out.    | OPT_OUT
            ﻿STOP       | OPT_OUT
            Arrêt       | POSSIBLE_REVOCATION
            ｕｎｓｕｂｓｃｒｉｂｅ | OPT_OUT
            yes!        | OPT_IN
            Help?       | HELP
            # free text that may be a revocation: suppress and review
            pls stop texting me         | POSSIBLE_REVOCATION
            Please STOP                 | POSSIBLE_REVOCATION
            don't text me               | POSSIBLE_REVOCATION
            don’t text me anymore       | POSSIBLE_REVOCATION
            do not call me again        | POSSIBLE_REVOCATION
            remove me from your list    | POSSIBLE_REVOCATION
            take me off this list       | POSSIBLE_REVOCATION
            leave me alone              | POSSIBLE_REVOCATION
            wrong number                | POSSIBLE_REVOCATION
            unsubscribe me please       | POSSIBLE_REVOCATION
            I want to opt out           | POSSIBLE_REVOCATION
            cancel my reminders         | POSSIBLE_REVOCATION
            # ordinary replies
            thanks see you tomorrow     | NONE
            ok                          | NONE
            stopwatch                   | NONE
            ``                          | NONE
            ...                         | NONE
            """)
    void classifies(String reply, Match expected) {
        String decoded = reply.replace("\\t", "\t").replace("\\n", "\n");
        assertThat(MATCHER.classify(decoded)).isEqualTo(expected);
    }

    @Test
    void nullIsNone() {
        assertThat(MATCHER.classify(null)).isEqualTo(Match.NONE);
    }

    @Test
    void aBlankKeywordIsRefused() {
        assertThatThrownBy(() -> new KeywordMatcher(List.of(" . "), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("opt-out");
    }

    @Test
    void normalizationIsNfkcLowerCaseAndTrimmed() {
        assertThat(KeywordMatcher.normalize("  ＳＴＯＰ\u00A0 ALL!! ")).isEqualTo("stop all");
    }
}
