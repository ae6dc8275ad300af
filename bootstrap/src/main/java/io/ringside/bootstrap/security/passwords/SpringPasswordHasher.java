package io.ringside.bootstrap.security.passwords;

import io.ringside.application.port.out.PasswordHasher;
import io.ringside.domain.Password;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashes through Spring Security's delegating encoder: bcrypt today, stored with its
 * {@code {bcrypt}} prefix, so a later default can be introduced while older hashes still verify.
 */
public final class SpringPasswordHasher implements PasswordHasher {

    private final PasswordEncoder encoder;

    public SpringPasswordHasher() {
        this(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    public SpringPasswordHasher(PasswordEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public String hash(Password password) {
        return encoder.encode(password.value());
    }

    @Override
    public boolean matches(Password password, String hash) {
        if (hash == null) {
            return false;
        }
        try {
            return encoder.matches(password.value(), hash);
        } catch (IllegalArgumentException unknownFormat) {
            // A hash without a known {id} prefix is not one this encoder wrote: it matches nothing.
            return false;
        }
    }
}
