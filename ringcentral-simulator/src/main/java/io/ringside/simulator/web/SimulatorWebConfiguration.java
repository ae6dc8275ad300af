package io.ringside.simulator.web;

import io.ringside.simulator.SimulatedPlatform;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the {@link PlatformGateway} in front of the simulator's endpoints (it ignores every other handler). */
@Configuration(proxyBeanMethods = false)
class SimulatorWebConfiguration implements WebMvcConfigurer {

    private final SimulatedPlatform platform;
    private final String pathPrefix;

    SimulatorWebConfiguration(SimulatedPlatform platform,
                              @Value("${ringside.simulator.path-prefix:}") String pathPrefix) {
        this.platform = platform;
        this.pathPrefix = pathPrefix;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PlatformGateway(platform, pathPrefix));
    }
}
