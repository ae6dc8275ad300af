package io.ringside.ui.view;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.mock.MockService;
import com.github.mvysny.kaributesting.v10.mock.MockVaadinServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletService;
import io.ringside.application.port.in.ClusterView;
import io.ringside.application.port.in.ViewCluster;
import io.ringside.ui.ConsoleSettings;
import io.ringside.ui.DemoCalls;
import org.junit.jupiter.api.AfterEach;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Starts a mocked Vaadin (no Spring, no browser) whose instantiator builds the views with the fakes,
 * the way Spring's constructor injection would.
 */
abstract class KaribuTestBase {

    static final Instant NOW = Instant.parse("2026-11-22T17:00:00Z");

    final Fakes.MutableClock clock = new Fakes.MutableClock(NOW);
    final Fakes.RecentCallers recent = new Fakes.RecentCallers();
    final Fakes.Intakes intakes = new Fakes.Intakes(clock);
    final Fakes.Connection connection = new Fakes.Connection();
    final Fakes.Claims claims = new Fakes.Claims(clock);
    final Fakes.KnownCallers knownCallers = new Fakes.KnownCallers();
    Fakes.User user = Fakes.User.operator();
    final Fakes.Passwords passwords = new Fakes.Passwords(() -> user);
    ConsoleSettings settings = new ConsoleSettings(false, ZoneId.of("America/Phoenix"), "US");
    Optional<DemoCalls> demoCalls = Optional.empty();
    final FakeLinkAlert linkAlert = new FakeLinkAlert();
    ViewCluster cluster = () -> new ClusterView("solo", false, null, null, List.of());

    void startVaadin() {
        Routes routes = new Routes(routes(), Set.of(), true);
        MockVaadin.setup(UI::new, new DiServlet(routes, this::create));
    }

    /** The views a test can open; a subclass adds its own. */
    Set<Class<? extends Component>> routes() {
        return Set.of(LoginView.class, IntakeView.class, ConnectionAdminView.class, ChangePasswordView.class);
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
    }

    Object create(Class<?> type) {
        if (type == IntakeView.class) {
            return new IntakeView(recent, recent, intakes, intakes, claims, knownCallers, user, settings, clock);
        }
        if (type == ConnectionAdminView.class) {
            return new ConnectionAdminView(connection, connection, connection, cluster, user, settings);
        }
        if (type == MainLayout.class) {
            return new MainLayout(user, settings, demoCalls, linkAlert);
        }
        if (type == LoginView.class) {
            return new LoginView(settings);
        }
        if (type == ChangePasswordView.class) {
            return new ChangePasswordView(passwords, user);
        }
        if (type == VaadinServiceInitListener.class) {
            // As Spring registers the guard bean: on the service, for every UI.
            return new MustChangePasswordGuard(user);
        }
        return null;
    }

    /** Karibu's servlet, with an instantiator that knows the views' constructors. */
    static final class DiServlet extends MockVaadinServlet {
        private final transient Function<Class<?>, Object> factory;

        DiServlet(Routes routes, Function<Class<?>, Object> factory) {
            super(routes);
            this.factory = factory;
        }

        @Override
        protected VaadinServletService createServletService(DeploymentConfiguration configuration) throws ServiceException {
            Function<Class<?>, Object> views = factory;
            MockService service = new MockService(this, configuration, UI::new) {
                // The service asks the instantiator it creates for its init listeners, so wrap that one.
                @Override
                protected Instantiator createInstantiator() throws ServiceException {
                    return new DiInstantiator(super.createInstantiator(), views);
                }
            };
            service.init();
            getRoutes().register(service.getContext());
            return service;
        }
    }

    record DiInstantiator(Instantiator delegate, Function<Class<?>, Object> factory) implements Instantiator {
        @Override
        public Stream<VaadinServiceInitListener> getServiceInitListeners() {
            Object ours = factory.apply(VaadinServiceInitListener.class);
            return Stream.concat(delegate.getServiceInitListeners(),
                    Stream.ofNullable(ours).map(VaadinServiceInitListener.class::cast));
        }

        @Override
        public <T> T getOrCreate(Class<T> type) {
            Object made = factory.apply(type);
            return made != null ? type.cast(made) : delegate.getOrCreate(type);
        }

        @Override
        public <T extends Component> T createComponent(Class<T> type) {
            Object made = factory.apply(type);
            return made != null ? type.cast(made) : delegate.createComponent(type);
        }

        @Override
        public I18NProvider getI18NProvider() {
            return delegate.getI18NProvider();
        }
    }
}
