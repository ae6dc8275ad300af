package io.ringside.bootstrap.wiring;

import io.ringside.application.port.in.ViewConnection;
import io.ringside.bootstrap.RingsideApplication;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Demo mode answers only on this machine unless {@code server.address} says otherwise, and says
 * DEMO MODE in the log as it starts. Checked on the running server: the address its connector is
 * bound to, and a connection from this machine's network address (where it has one).
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoModeListeningTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext startDemo(String... extra) {
        SpringApplication application = new SpringApplication(RingsideApplication.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        String[] args = new String[extra.length + 4];
        args[0] = "--ringside.data-dir=" + dataDir;
        args[1] = "--ringside.scheduling.enabled=false";
        args[2] = "--ringside.simulator.generator.enabled=false";
        args[3] = "--server.port=0";
        System.arraycopy(extra, 0, args, 4, extra.length);
        return application.run(args);
    }

    private static Connector connector(ConfigurableApplicationContext context) {
        return ((TomcatWebServer) ((WebServerApplicationContext) context).getWebServer()).getTomcat().getConnector();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** This machine's address on a network, as another machine would reach it; empty where there is none. */
    private static Optional<InetAddress> networkAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(network -> {
                    try {
                        return network.isUp() && !network.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .findFirst();
    }

    private static boolean answers(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    @Test
    void withoutServerAddressTheDemoListensOnThisMachineOnlyAndSaysDemoModeInTheLog(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext context = startDemo()) {
            InetAddress bound = (InetAddress) connector(context).getProperty("address");
            assertThat(bound).isNotNull();
            assertThat(bound.isLoopbackAddress()).as("bound to %s", bound).isTrue();
            assertThat(answers(InetAddress.getLoopbackAddress(), port(context))).isTrue();
            Optional<InetAddress> network = networkAddress();
            if (network.isPresent()) {
                assertThat(answers(network.get(), port(context))).as("reachable from the network at %s", network.get()).isFalse();
            }
        }
        assertThat(output.getOut()).containsPattern("WARN .*DEMO MODE: RINGCENTRAL_CLIENT_ID and RINGCENTRAL_CLIENT_SECRET are not set")
                .contains("It listens on localhost only; set SERVER_ADDRESS");
    }

    @Test
    void anExplicitServerAddressIsKept(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext context = startDemo("--server.address=0.0.0.0")) {
            InetAddress bound = (InetAddress) connector(context).getProperty("address");
            assertThat(bound.isAnyLocalAddress()).as("bound to %s", bound).isTrue();
            Optional<InetAddress> network = networkAddress();
            if (network.isPresent()) {
                assertThat(answers(network.get(), port(context))).as("reachable from the network at %s", network.get()).isTrue();
            }
        }
        assertThat(output.getOut()).contains("DEMO MODE").contains("It listens on 0.0.0.0 (server.address)");
    }

    @Test
    void aSeparateManagementPortLeavesTheSimulatorOnTheConsolesPort() {
        try (ConfigurableApplicationContext context = startDemo("--management.server.port=0", "--management.server.address=127.0.0.1")) {
            // Both servers announce themselves; only the console's own is where the simulator is served.
            assertThat(context.getBean(ViewConnection.class).view().server())
                    .isEqualTo(URI.create("http://localhost:" + port(context) + "/simulator"));
        }
    }
}
