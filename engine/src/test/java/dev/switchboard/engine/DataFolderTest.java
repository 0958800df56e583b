package dev.switchboard.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DataFolderTest {

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Linux      | -                                   | /home/ana/.local/share/switchboard
            Linux      | XDG_DATA_HOME=/data/xdg             | /data/xdg/switchboard
            Linux      | XDG_DATA_HOME=relative/ignored      | /home/ana/.local/share/switchboard
            Linux      | SWITCHBOARD_HOME=/srv/sb            | /srv/sb
            Mac OS X   | -                                   | /home/ana/Library/Application Support/Switchboard
            Windows 11 | LOCALAPPDATA=/c/Users/ana/AppData/L | /c/Users/ana/AppData/L/Switchboard
            Windows 11 | -                                   | /home/ana/AppData/Local/Switchboard
            Windows 11 | SWITCHBOARD_HOME=/d/sb              | /d/sb
            """)
    void followsThePlatformUnlessSwitchboardHomeIsSet(String os, String env, String expected) {
        Map<String, String> vars = new HashMap<>();
        if (env != null) {
            String[] kv = env.split("=", 2);
            vars.put(kv[0], kv[1]);
        }
        assertThat(DataFolder.resolve(vars, os, "/home/ana")).isEqualTo(Path.of(expected));
    }
}
