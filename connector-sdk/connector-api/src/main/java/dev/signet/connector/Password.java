package dev.signet.connector;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A password a citizen typed, held as characters that can be wiped, and that never prints itself.
 *
 * <p>{@link #toString()} gives {@code Password[redacted]}, so a password passed to a logger or put in an exception
 * message by mistake shows nothing. Two passwords are never {@link #equals equal} unless they are the same object:
 * comparing passwords is a connector's job, done in constant time.
 *
 * <p>The holder of a {@code Password} should {@link #close()} it when done; this overwrites the characters. A closed
 * password refuses to be read.
 *
 * <pre>{@code
 * try (Password password = Password.of(form.password())) {
 *     SignInOutcome outcome = connector.checkPassword(loginName, password);
 * }
 * }</pre>
 */
public final class Password implements AutoCloseable {

    private final char[] characters;
    private volatile boolean closed;

    private Password(char[] characters) {
        this.characters = characters;
    }

    /** A password holding a copy of {@code characters}; the caller may wipe its own array afterwards. */
    public static Password of(char[] characters) {
        if (characters == null) {
            throw new IllegalArgumentException("characters must not be null (an empty array is an empty password)");
        }
        return new Password(characters.clone());
    }

    /**
     * A password from a {@code String}. Strings cannot be wiped, so prefer {@link #of(char[])} where the caller
     * has the characters; this form suits tests and frameworks that only offer strings.
     */
    public static Password of(String characters) {
        if (characters == null) {
            throw new IllegalArgumentException("characters must not be null (an empty string is an empty password)");
        }
        return new Password(characters.toCharArray());
    }

    /** {@code true} when the citizen typed nothing. Every connector refuses an empty password. */
    public boolean isEmpty() {
        return length() == 0;
    }

    /** The number of UTF-16 characters. */
    public int length() {
        ensureOpen();
        return characters.length;
    }

    /** A copy of the characters; wipe it ({@code Arrays.fill(copy, '\0')}) when done. */
    public char[] characters() {
        ensureOpen();
        return characters.clone();
    }

    /** The password encoded as UTF-8, in a new array; wipe it ({@code Arrays.fill(bytes, (byte) 0)}) when done. */
    public byte[] utf8() {
        ensureOpen();
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(characters));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }

    /** Overwrites the characters. Reading a closed password throws {@link IllegalStateException}. */
    @Override
    public void close() {
        closed = true;
        Arrays.fill(characters, '\0');
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("This password has been closed and wiped");
        }
    }

    @Override
    public String toString() {
        return "Password[redacted]";
    }
}
