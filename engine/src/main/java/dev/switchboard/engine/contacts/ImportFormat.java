package dev.switchboard.engine.contacts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What a list file is made of: its encoding (from a byte-order mark, else a full UTF-8 validity scan, else
 * Windows-1252), the bytes to skip for the mark, its field separator, and a fingerprint of its content that
 * recognises the same file when an interrupted import is run again.
 */
public record ImportFormat(Charset encoding, boolean detected, int bomLength, String fingerprint, long size) {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SCAN_BUFFER = 1 << 16;

    /**
     * Scans the file once.
     *
     * @param named the encoding the user named, or null to detect
     */
    public static ImportFormat scan(Path file, Charset named) throws ImportInputException {
        return scan(file, named, Long.MAX_VALUE);
    }

    /**
     * Looks at the first {@code limit} bytes only: enough for a preview. The fingerprint is then of that head, and
     * a UTF-8 sequence cut at the limit does not count against UTF-8.
     */
    public static ImportFormat sniff(Path file, Charset named) throws ImportInputException {
        return scan(file, named, 1 << 20);
    }

    private static ImportFormat scan(Path file, Charset named, long limit) throws ImportInputException {
        checkReadable(file);
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[SCAN_BUFFER];
            Utf8Validator utf8 = new Utf8Validator();
            int n;
            long size = 0;
            byte[] head = null;
            boolean cut = false;
            while ((n = in.readNBytes(buf, 0, buf.length)) > 0) {
                if (size >= limit) {
                    cut = true;
                    break;
                }
                if (head == null) {
                    head = java.util.Arrays.copyOf(buf, Math.min(n, 4096));
                }
                sha.update(buf, 0, n);
                if (named == null && utf8.valid()) {
                    utf8.feed(buf, n);
                }
                size += n;
            }
            if (size == 0) {
                throw new ImportInputException(file.getFileName() + " is empty: a list file needs a header row.");
            }
            String fingerprint = HexFormat.of().formatHex(sha.digest());
            int bom = bomLength(head);
            Charset bomCharset = bomCharset(head);
            if (named != null) {
                int skip = bomCharset != null && sameFamily(bomCharset, named) ? bom : 0;
                return new ImportFormat(named, false, skip, fingerprint, size);
            }
            if (bomCharset != null) {
                return new ImportFormat(bomCharset, true, bom, fingerprint, size);
            }
            if (looksLikeUtf16WithoutBom(head)) {
                throw new ImportInputException(file.getFileName() + " looks like UTF-16 without a byte-order mark;"
                        + " name its encoding with --encoding utf-16le or --encoding utf-16be.");
            }
            return new ImportFormat(utf8.valid() && (cut || utf8.complete()) ? StandardCharsets.UTF_8 : WINDOWS_1252, true, 0,
                    fingerprint, size);
        } catch (IOException e) {
            throw new ImportInputException("Cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static void checkReadable(Path file) throws ImportInputException {
        if (!Files.exists(file)) {
            throw new ImportInputException("File not found: " + file);
        }
        if (Files.isDirectory(file)) {
            throw new ImportInputException(file + " is a folder, not a list file.");
        }
        if (!Files.isReadable(file)) {
            throw new ImportInputException("Cannot read " + file + ": permission denied.");
        }
    }

    /** The encoding a user named: utf-8, utf-16 (le/be), windows-1252 (cp1252) or any Java charset name. */
    public static Charset parseEncoding(String name) throws ImportInputException {
        String n = name.strip().toLowerCase(Locale.ROOT);
        try {
            return switch (n) {
                case "utf8", "utf-8" -> StandardCharsets.UTF_8;
                case "utf16", "utf-16" -> StandardCharsets.UTF_16;
                case "utf-16le", "utf16le" -> StandardCharsets.UTF_16LE;
                case "utf-16be", "utf16be" -> StandardCharsets.UTF_16BE;
                case "windows-1252", "cp1252", "win1252", "ansi" -> WINDOWS_1252;
                case "latin1", "latin-1", "iso-8859-1" -> StandardCharsets.ISO_8859_1;
                default -> Charset.forName(n);
            };
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ImportInputException("Unknown encoding '" + name
                    + "': use utf-8, utf-16, utf-16le, utf-16be or windows-1252.");
        }
    }

    /** The separator a user named: comma, semicolon, tab, or the character itself. */
    public static char parseDelimiter(String name) throws ImportInputException {
        String n = name.toLowerCase(Locale.ROOT);
        return switch (n) {
            case "comma", "," -> ',';
            case "semicolon", ";" -> ';';
            case "tab", "\\t", "\t" -> '\t';
            case "pipe", "|" -> '|';
            default -> throw new ImportInputException("Unknown delimiter '" + name
                    + "': use comma, semicolon, tab or pipe.");
        };
    }

    /** The separator that splits the header line most often, outside quotes; comma when none does. */
    public static char detectDelimiter(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                switch (c) {
                    case ',' -> commas++;
                    case ';' -> semicolons++;
                    case '\t' -> tabs++;
                    default -> { }
                }
            }
        }
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    static String delimiterName(char delimiter) {
        return switch (delimiter) {
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '\t' -> "tab";
            case '|' -> "pipe";
            default -> String.valueOf(delimiter);
        };
    }

    private static int bomLength(byte[] h) {
        if (h.length >= 3 && (h[0] & 0xff) == 0xEF && (h[1] & 0xff) == 0xBB && (h[2] & 0xff) == 0xBF) {
            return 3;
        }
        return bomCharset(h) != null ? 2 : 0;
    }

    private static Charset bomCharset(byte[] h) {
        if (h.length >= 3 && (h[0] & 0xff) == 0xEF && (h[1] & 0xff) == 0xBB && (h[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (h.length >= 2 && (h[0] & 0xff) == 0xFF && (h[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (h.length >= 2 && (h[0] & 0xff) == 0xFE && (h[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static boolean sameFamily(Charset bom, Charset named) {
        return bom.name().startsWith("UTF-16") ? named.name().startsWith("UTF-16") : named.equals(bom);
    }

    /** Text in UTF-16 without a mark has a NUL in every other byte of its ASCII characters. */
    private static boolean looksLikeUtf16WithoutBom(byte[] h) {
        int pairs = Math.min(h.length / 2, 256);
        if (pairs < 2) {
            return false;
        }
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i < pairs * 2; i += 2) {
            if (h[i] == 0) {
                evenNul++;
            }
            if (h[i + 1] == 0) {
                oddNul++;
            }
        }
        return evenNul > pairs * 0.6 || oddNul > pairs * 0.6;
    }

    /** A streaming strict UTF-8 check (no overlongs, no surrogates, nothing above U+10FFFF). */
    static final class Utf8Validator {
        private int pending;
        private int min;
        private int codePoint;
        private boolean valid = true;

        boolean valid() {
            return valid;
        }

        /** True when no multi-byte sequence was left open at the end. */
        boolean complete() {
            return pending == 0;
        }

        void feed(byte[] buf, int n) {
            for (int i = 0; i < n && valid; i++) {
                int b = buf[i] & 0xff;
                if (pending == 0) {
                    if (b < 0x80) {
                        continue;
                    } else if (b >= 0xC2 && b <= 0xDF) {
                        pending = 1;
                        min = 0x80;
                        codePoint = b & 0x1F;
                    } else if (b >= 0xE0 && b <= 0xEF) {
                        pending = 2;
                        min = 0x800;
                        codePoint = b & 0x0F;
                    } else if (b >= 0xF0 && b <= 0xF4) {
                        pending = 3;
                        min = 0x10000;
                        codePoint = b & 0x07;
                    } else {
                        valid = false;
                    }
                } else if ((b & 0xC0) == 0x80) {
                    codePoint = (codePoint << 6) | (b & 0x3F);
                    if (--pending == 0 && (codePoint < min || codePoint > 0x10FFFF
                            || (codePoint >= 0xD800 && codePoint <= 0xDFFF))) {
                        valid = false;
                    }
                } else {
                    valid = false;
                }
            }
        }
    }
}
