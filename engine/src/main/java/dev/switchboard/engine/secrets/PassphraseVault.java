package dev.switchboard.engine.secrets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets in one file of the data folder ({@value #FILE_NAME}), encrypted with AES-256-GCM under a key stretched from
 * a passphrase the user chose (PBKDF2-HMAC-SHA256, {@value #ITERATIONS} iterations, a random 16-byte salt). Anyone
 * with the file and the passphrase can read the secrets; without the passphrase they are lost.
 *
 * <p>Each write re-encrypts the whole set with a fresh nonce and replaces the file atomically. The header (format,
 * KDF, iterations, salt) is authenticated as associated data, so a changed header fails like a wrong passphrase.
 */
public final class PassphraseVault implements SecretVault {
    public static final String FILE_NAME = "secrets.vault";
    static final String FORMAT = "switchboard-vault/1";
    static final String KDF = "PBKDF2WithHmacSHA256";
    public static final int ITERATIONS = 600_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Derived keys of this process, by salt, iterations and a digest of the passphrase: a test JVM opens often. */
    private static final Map<String, byte[]> DERIVED = new ConcurrentHashMap<>();

    private final Path file;
    private final byte[] salt;
    private final int iterations;
    private final byte[] key;
    private final TreeMap<String, String> secrets;

    private PassphraseVault(Path file, byte[] salt, int iterations, byte[] key, TreeMap<String, String> secrets) {
        this.file = file;
        this.salt = salt;
        this.iterations = iterations;
        this.key = key;
        this.secrets = secrets;
    }

    /** Whether {@code dataDir} holds a passphrase vault file. */
    public static boolean exists(Path dataDir) {
        return Files.exists(dataDir.resolve(FILE_NAME));
    }

    /** Creates an empty vault in {@code dataDir} (which must not have one) under {@code passphrase}. */
    public static PassphraseVault create(Path dataDir, char[] passphrase) {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            throw new VaultException("A passphrase vault already exists in " + dataDir + ".");
        }
        checkPassphrase(passphrase);
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        int iterations = Integer.getInteger("switchboard.vault.test-iterations", ITERATIONS);
        PassphraseVault v = new PassphraseVault(file, salt, iterations, derive(passphrase, salt, iterations),
                new TreeMap<>());
        v.write();
        return v;
    }

    /** Opens the vault file of {@code dataDir}; a wrong passphrase (or a changed file) fails with a clear message. */
    public static PassphraseVault open(Path dataDir, char[] passphrase) {
        Path file = dataDir.resolve(FILE_NAME);
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            throw new VaultException("Cannot read the passphrase vault " + file + ": " + Vaults.firstLine(
                    String.valueOf(e.getMessage())), e);
        }
        if (!FORMAT.equals(root.path("format").asString("")) || !KDF.equals(root.path("kdf").asString(""))) {
            throw new VaultException("The passphrase vault " + file + " is not in a format this version reads.");
        }
        int iterations = root.path("iterations").asInt(0);
        int minimum = Integer.getInteger("switchboard.vault.test-iterations", ITERATIONS);
        if (iterations < minimum) {
            throw new VaultException("The passphrase vault " + file + " claims " + iterations
                    + " KDF iterations, fewer than " + minimum + ": refusing it.");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] salt = b64.decode(root.path("salt").asString(""));
        byte[] nonce = b64.decode(root.path("nonce").asString(""));
        byte[] data = b64.decode(root.path("data").asString(""));
        byte[] key = derive(passphrase, salt, iterations);
        byte[] plain;
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(aad(salt, iterations));
            plain = c.doFinal(data);
        } catch (AEADBadTagException e) {
            throw new VaultException("Wrong passphrase for the vault " + file + " (or the file was changed). Set $"
                    + Vaults.PASSPHRASE_ENV + " or type the passphrase this data folder's vault was made with.");
        } catch (GeneralSecurityException e) {
            throw new VaultException("Cannot decrypt the passphrase vault " + file + ": " + e.getClass()
                    .getSimpleName(), e);
        }
        TreeMap<String, String> secrets = new TreeMap<>();
        try {
            JSON.readTree(plain).properties().forEach(en -> secrets.put(en.getKey(), en.getValue().asString()));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        return new PassphraseVault(file, salt, iterations, key, secrets);
    }

    static void checkPassphrase(char[] passphrase) {
        if (passphrase == null || passphrase.length < 8) {
            throw new VaultException("The vault passphrase must have at least 8 characters.");
        }
    }

    @Override
    public synchronized Optional<String> get(String name) {
        return Optional.ofNullable(secrets.get(name));
    }

    @Override
    public synchronized void put(String name, String value) {
        String before = secrets.put(name, value);
        try {
            write();
        } catch (RuntimeException e) {
            if (before == null) {
                secrets.remove(name);
            } else {
                secrets.put(name, before);
            }
            throw e;
        }
    }

    @Override
    public synchronized void delete(String name) {
        String before = secrets.remove(name);
        if (before != null) {
            try {
                write();
            } catch (RuntimeException e) {
                secrets.put(name, before);
                throw e;
            }
        }
    }

    @Override
    public String describe() {
        return "the passphrase vault " + file;
    }

    private void write() {
        ObjectNode content = JSON.createObjectNode();
        secrets.forEach(content::put);
        byte[] plain = JSON.writeValueAsBytes(content);
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        byte[] data;
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(aad(salt, iterations));
            data = c.doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new VaultException("Cannot encrypt the passphrase vault: " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        Base64.Encoder b64 = Base64.getEncoder();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("about", "Switchboard's secrets for this data folder, encrypted (AES-256-GCM) under a key derived"
                + " from the passphrase chosen with 'switchboard vault use-passphrase'.");
        root.put("kdf", KDF);
        root.put("iterations", iterations);
        root.put("salt", b64.encodeToString(salt));
        root.put("cipher", "AES-256-GCM");
        root.put("nonce", b64.encodeToString(nonce));
        root.put("data", b64.encodeToString(data));
        Vaults.writeAtomically(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    private static byte[] aad(byte[] salt, int iterations) {
        return (FORMAT + "|" + KDF + "|" + iterations + "|" + Base64.getEncoder().encodeToString(salt))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] derive(char[] passphrase, byte[] salt, int iterations) {
        checkPassphrase(passphrase);
        String cacheKey;
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(salt);
            d.update(Integer.toString(iterations).getBytes(StandardCharsets.UTF_8));
            d.update(new String(passphrase).getBytes(StandardCharsets.UTF_8));
            cacheKey = Base64.getEncoder().encodeToString(d.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return DERIVED.computeIfAbsent(cacheKey, k -> {
            PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
            try {
                return SecretKeyFactory.getInstance(KDF).generateSecret(spec).getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            } finally {
                spec.clearPassword();
            }
        }).clone();
    }

    @Override
    public String toString() {
        return "PassphraseVault[" + file + "]";
    }

    /** For {@link Files#move}: kept here so the imports stay together. */
    static final StandardCopyOption[] REPLACE = {StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE};
}
