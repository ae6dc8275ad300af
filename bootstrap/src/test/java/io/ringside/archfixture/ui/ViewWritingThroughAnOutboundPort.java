package io.ringside.archfixture.ui;

import io.ringside.archfixture.application.port.out.IntakeTable;

/** Wrong on purpose: a view that skips the use case and writes through an outbound port. */
public class ViewWritingThroughAnOutboundPort {
    void save(IntakeTable table) {
        table.insert("row");
    }
}
