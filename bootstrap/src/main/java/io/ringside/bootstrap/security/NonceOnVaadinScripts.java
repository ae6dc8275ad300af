package io.ringside.bootstrap.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Stamps this request's {@link ScriptNonce} on every {@code <script>} of Vaadin's host page (the one
 * HTML page every view is served in), so the policy lets Vaadin's own bootstrap scripts run and no
 * other inline script. Vaadin's client reads the nonce back from those tags for the scripts it adds later.
 */
final class NonceOnVaadinScripts implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(page -> {
            VaadinRequest request = page.getVaadinRequest();
            if (request instanceof HttpServletRequest servletRequest) {
                page.getDocument().getElementsByTag("script").attr("nonce", ScriptNonce.of(servletRequest));
            }
        });
    }
}
