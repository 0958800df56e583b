package dev.switchboard.engine.contacts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportFormatTest {
    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void utf8WithAndWithoutBom() throws Exception {
        byte[] text = "Name,Phone\nJosé,4157342671\n".getBytes(StandardCharsets.UTF_8);
        ImportFormat plain = ImportFormat.scan(file("a.csv", text), null);
        assertThat(plain.encoding()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(plain.bomLength()).isZero();
        ImportFormat bom = ImportFormat.scan(file("b.csv", concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                text)), null);
        assertThat(bom.encoding()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(bom.bomLength()).isEqualTo(3);
        assertThat(bom.fingerprint()).isNotEqualTo(plain.fingerprint());
    }

    @Test
    void utf16WithBomEitherOrder() throws Exception {
        String text = "\uFEFFName;Phone\r\nZoë;4157342671\r\n";
        ImportFormat le = ImportFormat.scan(file("le.csv", text.getBytes(StandardCharsets.UTF_16LE)), null);
        assertThat(le.encoding()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(le.bomLength()).isEqualTo(2);
        ImportFormat be = ImportFormat.scan(file("be.csv", text.getBytes(StandardCharsets.UTF_16BE)), null);
        assertThat(be.encoding()).isEqualTo(StandardCharsets.UTF_16BE);
    }

    @Test
    void utf16WithoutBomIsRefusedWithAHint() throws Exception {
        Path p = file("nobom.csv", "Name,Phone\nAna,4157342671\n".getBytes(StandardCharsets.UTF_16LE));
        assertThatThrownBy(() -> ImportFormat.scan(p, null)).isInstanceOf(ImportInputException.class)
                .hasMessageContaining("--encoding utf-16le");
    }

    @Test
    void invalidUtf8AnywhereMeansWindows1252() throws Exception {
        StringBuilder sb = new StringBuilder("Name,Phone\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append("Ana,4157342671\n"); // pushes the accented row past the first scan buffer
        }
        sb.append("Jos\u00e9 M\u00fcller \u20ac,4157342671\n");
        Path p = file("cp1252.csv", sb.toString().getBytes(ImportFormat.WINDOWS_1252));
        assertThat(ImportFormat.scan(p, null).encoding()).isEqualTo(ImportFormat.WINDOWS_1252);
    }

    @Test
    void namedEncodingWins() throws Exception {
        Path p = file("n.csv", "Name,Phone\n".getBytes(StandardCharsets.UTF_8));
        ImportFormat f = ImportFormat.scan(p, ImportFormat.WINDOWS_1252);
        assertThat(f.encoding()).isEqualTo(ImportFormat.WINDOWS_1252);
        assertThat(f.detected()).isFalse();
    }

    @Test
    void emptyMissingAndFolderAreFatal() throws Exception {
        assertThatThrownBy(() -> ImportFormat.scan(file("e.csv", new byte[0]), null))
                .hasMessageContaining("is empty");
        assertThatThrownBy(() -> ImportFormat.scan(dir.resolve("nope.csv"), null))
                .hasMessageContaining("File not found");
        assertThatThrownBy(() -> ImportFormat.scan(dir, null)).hasMessageContaining("is a folder");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Name,Phone,Email                 | ,
            Name;Phone;Email                 | ;
            'Name\tPhone\tEmail'             | '\t'
            "Last, First";Phone;Email        | ;
            "a;b",c,d                        | ,
            Name                             | ,
            """)
    void detectsTheSeparatorOutsideQuotes(String header, String expected) {
        String h = header.replace("\\t", "\t");
        char e = expected.equals("\\t") ? '\t' : expected.charAt(0);
        assertThat(ImportFormat.detectDelimiter(h)).isEqualTo(e);
    }

    @ParameterizedTest
    @CsvSource({"utf-8,UTF-8", "UTF8,UTF-8", "utf-16le,UTF-16LE", "cp1252,windows-1252", "Windows-1252,windows-1252"})
    void parsesEncodingNames(String name, String charset) throws Exception {
        assertThat(ImportFormat.parseEncoding(name).name()).isEqualTo(charset);
    }

    @Test
    void unknownEncodingAndDelimiterNameTheValidOnes() {
        assertThatThrownBy(() -> ImportFormat.parseEncoding("klingon"))
                .hasMessageContaining("Unknown encoding 'klingon'").hasMessageContaining("windows-1252");
        assertThatThrownBy(() -> ImportFormat.parseDelimiter("colon"))
                .hasMessageContaining("Unknown delimiter 'colon'");
    }
}
