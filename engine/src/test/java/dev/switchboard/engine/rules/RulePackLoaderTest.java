package dev.switchboard.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.model.compliance.RulePack;
import dev.switchboard.model.contact.Channel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulePackLoaderTest {

    @Test
    void theShippedPackLoadsWithItsRules() throws Exception {
        RulePack p = RulePackLoader.loadDefault();
        assertEquals("us@2026.1", p.label());
        assertEquals(LocalTime.of(8, 0), p.federal().start());
        assertEquals(LocalTime.of(18, 0), p.channelDefaults().get(Channel.SMS).end());
        assertEquals(RulePack.NoJurisdictionPolicy.BLOCK, p.noJurisdiction());
        assertTrue(p.states().get("AL").holidays().contains(LocalDate.parse("2026-07-03")));
        assertTrue(p.states().get("MS").holidays().contains(LocalDate.parse("2026-07-04")));
        assertTrue(p.keywords().optOut().contains(dev.switchboard.model.compliance.Keywords.normalize("OPT OUT")));
        assertEquals(3, p.caps().size());
    }

    @Test
    void aBadFileNamesEveryBadEntry(@TempDir Path dir) throws Exception {
        String json = new String(RulePackLoader.class.getResourceAsStream(RulePackLoader.DEFAULT_RESOURCE)
                .readAllBytes(), StandardCharsets.UTF_8)
                .replace("\"window\": \"09:00-20:00\", \"citation\": \"Conn.", "\"window\": \"20:00-09:00\", \"citation\": \"Conn.")
                .replace("\"KY\":", "\"ZZ\":")
                .replace("\"max\": 3, \"legal\": true", "\"max\": 0, \"legal\": true")
                .replace("\"EMAIL\": \"09:00-17:00\"", "\"EMAIL\": \"09:00-17:61\"");
        Path file = dir.resolve("bad.json");
        Files.writeString(file, json);
        RulePackException e = assertThrows(RulePackException.class, () -> RulePackLoader.loadFile(file));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("states.CT.window: window '20:00-09:00' is empty or negative"), all);
        assertTrue(all.contains("states.ZZ: unknown state 'ZZ'"), all);
        assertTrue(all.contains("caps[0].max: must be positive, was 0"), all);
        assertTrue(all.contains("channel_defaults.EMAIL: bad time '17:61'"), all);
        assertEquals(4, e.problems().size(), all);
    }

    @Test
    void notJsonSaysSo() {
        RulePackException e = assertThrows(RulePackException.class,
                () -> RulePackLoader.parse("x", "{ nope".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.problems().get(0).startsWith("not valid JSON"));
    }
}
