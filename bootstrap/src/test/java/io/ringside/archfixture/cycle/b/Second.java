package io.ringside.archfixture.cycle.b;

public class Second {
    io.ringside.archfixture.cycle.a.First back;
}
