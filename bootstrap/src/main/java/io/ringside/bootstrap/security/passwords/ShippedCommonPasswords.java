package io.ringside.bootstrap.security.passwords;

import io.ringside.application.port.out.CommonPasswords;
import io.ringside.domain.Password;
import org.passay.DictionaryRule;
import org.passay.PasswordData;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.sort.ArraysSort;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The passwords too common to accept: the list shipped in {@code passwords/common-passwords.txt} (zxcvbn's
 * 30,000 most frequent passwords and a few long ones), matched whole and without case by Passay's
 * dictionary rule. Loaded once, at construction (about 30,000 short strings in memory).
 */
public final class ShippedCommonPasswords implements CommonPasswords {

    public static final String RESOURCE = "passwords/common-passwords.txt";

    private final DictionaryRule rule;
    private final int size;

    public ShippedCommonPasswords() {
        this(RESOURCE);
    }

    ShippedCommonPasswords(String resource) {
        String[] words = read(resource);
        this.size = words.length;
        this.rule = new DictionaryRule(new WordListDictionary(new ArrayWordList(words, false, new ArraysSort())));
    }

    @Override
    public boolean isCommon(Password password) {
        return !rule.validate(new PasswordData(password.value())).isValid();
    }

    /** How many passwords the list holds. */
    public int size() {
        return size;
    }

    // Passay's own readers take every line as a word; the shipped file starts with its source and licence
    // as # comments, so lines are read here.
    private static String[] read(String resource) {
        InputStream stream = ShippedCommonPasswords.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("The list of common passwords is missing from the application: " + resource);
        }
        List<String> words = new ArrayList<>(32_768);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Could not read the list of common passwords " + resource, unreadable);
        }
        if (words.isEmpty()) {
            throw new IllegalStateException("The list of common passwords is empty: " + resource);
        }
        return words.toArray(String[]::new);
    }
}
