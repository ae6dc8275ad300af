package io.ringside.bootstrap.demo;

import io.ringside.bootstrap.mode.DemoModeCondition;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Outside demo mode there is no simulator, and its paths say so with a plain 404. Without this,
 * Vaadin would answer any unknown path with its page shell (200) and render "not found" in the browser,
 * which a RingCentral client pointed here by mistake could not tell from a live endpoint.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DemoModeCondition.Off.class)
@Import(SimulatorAbsentConfiguration.NoSimulator.class)
public class SimulatorAbsentConfiguration {

    @Controller
    static class NoSimulator {

        @RequestMapping(DemoConfiguration.SIMULATOR_PATH + "/**")
        ResponseEntity<String> notHere() {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                    .body("Not found: Ringside runs with a real RingCentral account, so there is no simulator here.");
        }
    }
}
