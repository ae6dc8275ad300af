package io.ringside.archfixture.domain;

/** A correct domain class, depended on by the others. */
public record Money(long cents) {
}
