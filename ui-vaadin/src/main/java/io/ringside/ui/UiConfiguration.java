package io.ringside.ui;

import com.vaadin.flow.spring.security.AuthenticationContext;
import io.ringside.application.port.in.ConnectRingCentral;
import io.ringside.application.port.in.LookUpUser;
import io.ringside.ui.callback.RingCentralCallbackController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The console's Spring beans; bootstrap {@code @Import}s this. Vaadin creates the views itself
 * (constructor injection of the inbound ports, {@link ConsoleSettings}, {@link CurrentUser},
 * a {@link java.time.Clock} and an optional {@link DemoCalls}).
 */
@Configuration(proxyBeanMethods = false)
public class UiConfiguration {

    @Bean
    CurrentUser currentUser(AuthenticationContext authenticationContext, LookUpUser lookUpUser) {
        return new SpringCurrentUser(authenticationContext, lookUpUser);
    }


    @Bean
    RingCentralCallbackController ringCentralCallbackController(ConnectRingCentral connectRingCentral, LookUpUser lookUpUser) {
        return new RingCentralCallbackController(connectRingCentral, lookUpUser);
    }
}
