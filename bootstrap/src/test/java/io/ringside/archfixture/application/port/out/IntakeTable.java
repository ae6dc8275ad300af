package io.ringside.archfixture.application.port.out;

/** An outbound port of the fixture. */
public interface IntakeTable {
    void insert(String row);
}
