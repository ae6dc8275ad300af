package io.ringside.archfixture.cycle.a;

/** Wrong on purpose: a package cycle a → b → a. */
public class First {
    io.ringside.archfixture.cycle.b.Second next;
}
